package org.medicore.appointment.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** The outbox relay: whether it runs here, how often, how much per batch, how long to wait for Kafka. */
@ConfigurationProperties("medicore.outbox")
public record OutboxProperties(@DefaultValue("true") boolean relayEnabled,
                               @DefaultValue("500ms") Duration pollInterval,
                               @DefaultValue("100") int batchSize,
                               @DefaultValue("10s") Duration ackTimeout,
                               @DefaultValue("medicore.appointments.v1") String topic) {
}
