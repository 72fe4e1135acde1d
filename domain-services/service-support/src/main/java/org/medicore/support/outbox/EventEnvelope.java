package org.medicore.support.outbox;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import org.medicore.support.port.OutboxMessage;

import java.time.Instant;
import java.util.UUID;

/**
 * A contracts event in the topics' envelope: the value is its proto3 JSON (compact, as JsonFormat
 * prints it), the type its message's full name ({@code medicore.events.v1.AppointmentBooked}), the key
 * the aggregate it belongs to. The one writer of the form {@code kafka/ConsumedEvents} reads.
 */
public final class EventEnvelope {

    private static final JsonFormat.Printer JSON = JsonFormat.printer().omittingInsignificantWhitespace();

    private EventEnvelope() {
    }

    /** {@code traceParent}: the W3C trace of the change that caused the event, empty outside a trace. */
    public static OutboxMessage of(UUID eventId, String key, Instant occurredAt, Message event, String traceParent) {
        return new OutboxMessage(eventId, event.getDescriptorForType().getFullName(), key, occurredAt, json(event),
                traceParent);
    }

    private static String json(Message event) {
        try {
            return JSON.print(event);
        } catch (InvalidProtocolBufferException e) {
            // only an Any of an unknown type can't be printed, and no event carries one
            throw new IllegalStateException(event.getDescriptorForType().getFullName() + " has no JSON form", e);
        }
    }
}
