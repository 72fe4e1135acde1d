package org.medicore.billing.config;

import org.medicore.support.kafka.EventRetry;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;

/**
 * Everything billing-service reads from configuration under medicore.billing; defaults in application.yaml.
 * {@code retry}: how often a failing event is tried before it goes to the dead-letter topic.
 */
@ConfigurationProperties("medicore.billing")
public record BillingProperties(Topics topics, EventRetry retry, Outbox outbox, Invoicing invoicing, Security security) {

    /** Kafka topics: consumed, produced and the dead-letter topic. */
    public record Topics(String patients, String appointments, String billing, String deadLetter) {
    }

    public record Outbox(Duration pollInterval, int batchSize, Duration ackTimeout) {
    }

    /** The clinic's time zone (invoice year, due date) and the payment term. */
    public record Invoicing(ZoneId clinicZone, Period paymentTerm) {
    }

    /** The token issuer, its JWKS and the audience every token must carry. */
    public record Security(String issuer, String jwkSetUri, String audience) {
    }
}
