package org.medicore.support.port;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An event in its wire form, written to the outbox in the transaction of the change that caused it:
 * {@code key} (the aggregate id) orders it on its topic, {@code payload} is the record's value,
 * {@code traceParent} the W3C trace of the request that caused it (empty outside a trace).
 */
public record OutboxMessage(UUID eventId, String eventType, String key, Instant occurredAt, String payload,
                            String traceParent) {

    public OutboxMessage {
        Objects.requireNonNull(eventId, "event id");
        Objects.requireNonNull(eventType, "event type");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(occurredAt, "occurred at");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(traceParent, "trace parent");
    }
}
