package org.medicore.bff.audit;

import org.medicore.support.audit.AuditTrailReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The trail's reader (service-support's) over the BFF's one data source, which connects as the reader role. */
@Configuration
class AuditTrailConfiguration {

    @Bean
    AuditTrailReader auditTrailReader(JdbcClient auditDatabase) {
        return new AuditTrailReader(auditDatabase);
    }
}
