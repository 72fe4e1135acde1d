package org.medicore.billing.application.port.out;

import java.time.Instant;
import java.util.UUID;

/** An event in its wire form, as stored in the outbox and published. */
public record OutboxMessage(UUID eventId, String aggregateId, String eventType, Instant occurredAt, String payload) {
}
