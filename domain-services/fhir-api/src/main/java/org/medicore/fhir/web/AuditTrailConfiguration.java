package org.medicore.fhir.web;

import org.medicore.support.audit.AuditTrailReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit trail's reader (service-support's, as the BFF's) over the API's one data source, which connects as the reader role. */
@Configuration(proxyBeanMethods = false)
class AuditTrailConfiguration {

    @Bean
    AuditTrailReader auditTrailReader(JdbcClient auditDatabase) {
        return new AuditTrailReader(auditDatabase);
    }
}
