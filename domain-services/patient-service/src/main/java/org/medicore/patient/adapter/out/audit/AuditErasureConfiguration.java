package org.medicore.patient.adapter.out.audit;

import org.medicore.support.audit.AuditKeys;
import org.medicore.support.audit.PostgresErasure;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Clock;

/** Erasure in the audit trail, as its own login: the writer the service audits with may not delete a key. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditErasureConfiguration.EraserProperties.class)
public class AuditErasureConfiguration {

    /**
     * @param url            the audit database, as for the writer
     * @param eraserUsername the one role that may delete a patient's key ({@code medicore_audit_eraser})
     * @param eraserPassword its password
     */
    @ConfigurationProperties("medicore.audit")
    public record EraserProperties(String url, String eraserUsername, String eraserPassword) {
    }

    /** A connection per erasure: erasures are rare, and a pool would hold the strongest audit login open for nothing. */
    @Bean
    AuditTrailErasure auditTrailErasure(EraserProperties properties, AuditKeys keys, Clock clock) {
        return new AuditTrailErasure(new PostgresErasure(new DriverManagerDataSource(properties.url(),
                properties.eraserUsername(), properties.eraserPassword()), keys, clock));
    }
}
