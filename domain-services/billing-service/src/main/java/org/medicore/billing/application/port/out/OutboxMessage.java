package org.medicore.billing.application.port.out;

import java.time.Instant;
import java.util.UUID;

/**
 * An event in its wire form, as stored in the outbox and published, with the W3C trace of the work
 * that caused it (empty outside a trace).
 */
public record OutboxMessage(UUID eventId, String aggregateId, String eventType, Instant occurredAt, String payload,
                            String traceParent) {
}
