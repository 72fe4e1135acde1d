package org.medicore.support.audit;

import io.grpc.BindableService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.util.Set;

/**
 * Every gRPC server that depends on service-support audits its calls: nothing in the service has
 * to remember to. The audit database is required; a service without it does not start. (The
 * Lambda handler, which serves no gRPC, and services without a gRPC API have nothing to audit here.)
 */
@AutoConfiguration
@ConditionalOnBean(BindableService.class)
@ConditionalOnProperty(name = "spring.grpc.server.enabled", matchIfMissing = true)
@EnableConfigurationProperties({AuditConfiguration.AuditProperties.class, AuditKeys.class})
public class AuditConfiguration {

    /**
     * @param url           JDBC URL of the audit database
     * @param username      the insert-only writer role
     * @param password      its password
     * @param ownerUsername the role that owns the audit schema and migrates it; none where a migration Job does
     * @param ownerPassword its password
     * @param resourceType  what the service keeps, as the records name it (Patient, Appointment...)
     * @param relayingFrontEnds the OAuth clients whose token vouches for a relayed end-user address
     */
    @ConfigurationProperties("medicore.audit")
    public record AuditProperties(String url, String username, String password, String ownerUsername,
                                  String ownerPassword, String resourceType,
                                  @DefaultValue("medicore-bff") Set<String> relayingFrontEnds) {
    }

    @Bean
    PostgresAuditTrail auditTrail(AuditProperties audit, AuditKeys keys) {
        return migratedTrail(audit, keys);
    }

    @Bean
    HealthIndicator auditTrailHealthIndicator(PostgresAuditTrail auditTrail) {
        return health(auditTrail);
    }

    /**
     * The trail brought up to date with the owner's credentials, then written as the insert-only
     * writer. Without an owner login (the cluster), the migration Job has brought it up to date.
     */
    public static PostgresAuditTrail migratedTrail(AuditProperties audit, AuditKeys keys) {
        if (audit.ownerUsername() != null && !audit.ownerUsername().isBlank()) {
            AuditSchema.migrate(audit.url(), audit.ownerUsername(), audit.ownerPassword());
        }
        return PostgresAuditTrail.connect(audit.url(), audit.username(), audit.password(), keys);
    }

    /** Down while the writer can't reach the trail: what can't record its accesses serves none. */
    public static HealthIndicator health(PostgresAuditTrail auditTrail) {
        return () -> auditTrail.reachable() ? Health.up().build()
                : Health.down().withDetail("reason", "the audit database is not reachable").build();
    }

    @Bean
    @GlobalServerInterceptor
    @Order(Ordered.HIGHEST_PRECEDENCE)
    AuditInterceptor auditInterceptor(RecordAccess auditTrail, AuditProperties audit, ObjectProvider<JwtDecoder> tokens) {
        RelayingFrontEnds frontEnds = tokens.stream().findFirst()
                .map(decoder -> new RelayingFrontEnds(decoder, audit.relayingFrontEnds(), Clock.systemUTC()))
                .orElseGet(RelayingFrontEnds::none);
        return new AuditInterceptor(auditTrail, audit.resourceType(), frontEnds, Clock.systemUTC());
    }
}
