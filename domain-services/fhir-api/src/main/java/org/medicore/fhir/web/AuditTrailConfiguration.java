package org.medicore.fhir.web;

import org.medicore.support.audit.AuditConfiguration;
import org.medicore.support.audit.AuditConfiguration.AuditProperties;
import org.medicore.support.audit.AuditKeys;
import org.medicore.support.audit.AuditTrailReader;
import org.medicore.support.audit.PostgresAuditTrail;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit trail, both ways: written as the services write it (service-support's insert-only
 * writer, {@code medicore.audit.*}), one record per FHIR interaction, and read for AuditEvent
 * (service-support's reader, as the BFF's) over the API's one data source, which connects as the
 * reader role.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AuditProperties.class, AuditKeys.class})
class AuditTrailConfiguration {

    @Bean
    AuditTrailReader auditTrailReader(JdbcClient auditDatabase, AuditKeys keys) {
        return new AuditTrailReader(auditDatabase, keys);
    }

    /** Migrated as the services migrate it, so the API may start before any of them. */
    @Bean(destroyMethod = "close")
    PostgresAuditTrail auditTrail(AuditProperties audit, AuditKeys keys) {
        return AuditConfiguration.migratedTrail(audit, keys);
    }

    @Bean
    HealthIndicator auditTrailHealthIndicator(PostgresAuditTrail auditTrail) {
        return AuditConfiguration.health(auditTrail);
    }
}
