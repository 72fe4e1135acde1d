package org.medicore.bff.audit;

import org.medicore.support.audit.AuditKeys;
import org.medicore.support.audit.AuditTrailReader;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The trail's reader (service-support's) over the BFF's one data source, which connects as the reader role, opening
 * the personal values with the keys the services seal them with ({@code medicore.audit.keys.*}).
 */
@Configuration
@EnableConfigurationProperties(AuditKeys.class)
class AuditTrailConfiguration {

    @Bean
    AuditTrailReader auditTrailReader(JdbcClient auditDatabase, AuditKeys keys) {
        return new AuditTrailReader(auditDatabase, keys);
    }
}
