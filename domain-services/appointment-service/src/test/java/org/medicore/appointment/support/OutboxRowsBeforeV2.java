package org.medicore.appointment.support;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.medicore.contracts.events.v2.AppointmentEventVersions;
import org.medicore.localstack.pact.EventsBeforeV2;

import java.util.UUID;

/**
 * Turns an appointment's unsent outbox rows into the rows appointment-service wrote before
 * medicore.events.v2 (v1 type and value, same event id), as a database upgraded mid-flight holds
 * them: such rows must still be relayed as they were written.
 */
public final class OutboxRowsBeforeV2 {

    private static final JsonFormat.Printer JSON = JsonFormat.printer().omittingInsignificantWhitespace();

    private OutboxRowsBeforeV2() {
    }

    public static void rewrite(DSLContext db, UUID appointmentId) {
        var eventId = DSL.field("event_id", UUID.class);
        var eventType = DSL.field("event_type", String.class);
        var payload = DSL.field("payload", String.class);
        db.select(eventId, eventType, payload).from("outbox_event")
                .where(DSL.field("aggregate_id", UUID.class).eq(appointmentId)).and(DSL.field("sent_at").isNull())
                .forEach(row -> {
                    Message v1 = EventsBeforeV2.v1Of(parse(row.get(eventType), row.get(payload)));
                    db.update(DSL.table("outbox_event")).set(eventType, v1.getDescriptorForType().getFullName())
                            .set(payload, print(v1)).where(eventId.eq(row.get(eventId))).execute();
                });
    }

    private static Message parse(String type, String json) {
        Message.Builder event = AppointmentEventVersions.builderFor(type).orElseThrow();
        try {
            JsonFormat.parser().merge(json, event);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("an outbox row that is not the JSON of " + type, e);
        }
        return event.build();
    }

    private static String print(Message event) {
        try {
            return JSON.print(event);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}
