package org.medicore.appointment.adapter.out.jooq;

import org.jooq.DSLContext;
import org.medicore.appointment.application.port.out.AppendToOutbox;
import org.medicore.support.port.OutboxMessage;
import org.medicore.support.outbox.PendingOutbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.jooq.impl.DSL.field;
import static org.medicore.appointment.adapter.out.jooq.JooqAppointments.utc;
import static org.medicore.appointment.adapter.out.jooq.generated.Tables.OUTBOX_EVENT;

/** The outbox table: appended in the change's transaction, read and marked by the relay. */
final class JooqOutbox implements AppendToOutbox, PendingOutbox {

    /** Advisory lock key of the relay ("appt-outbox" in ASCII, trimmed to a long). */
    private static final long RELAY_LOCK = 0x617070742d6f7574L;

    private final DSLContext dsl;

    JooqOutbox(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void append(OutboxMessage message) {
        dsl.insertInto(OUTBOX_EVENT)
                .set(OUTBOX_EVENT.EVENT_ID, message.eventId())
                .set(OUTBOX_EVENT.EVENT_TYPE, message.eventType())
                .set(OUTBOX_EVENT.AGGREGATE_ID, UUID.fromString(message.key()))
                .set(OUTBOX_EVENT.OCCURRED_AT, utc(message.occurredAt()))
                .set(OUTBOX_EVENT.PAYLOAD, message.payload())
                .set(OUTBOX_EVENT.TRACE_PARENT, message.traceParent())
                .execute();
    }

    /** Empty while another relay holds the outbox: one relay at a time keeps the write order. */
    @Override
    public List<OutboxMessage> lockOldestUnsent(int limit) {
        if (!claimRelay()) {
            return List.of();
        }
        return dsl.selectFrom(OUTBOX_EVENT)
                .where(OUTBOX_EVENT.SENT_AT.isNull())
                .orderBy(OUTBOX_EVENT.SEQUENCE)
                .limit(limit)
                .forUpdate().skipLocked()
                .fetch(row -> new OutboxMessage(row.getEventId(), row.getEventType(), row.getAggregateId().toString(),
                        row.getOccurredAt().toInstant(), row.getPayload(), row.getTraceParent()));
    }

    private boolean claimRelay() {
        return dsl.select(field("pg_try_advisory_xact_lock({0})", Boolean.class, RELAY_LOCK)).fetchSingle().value1();
    }

    @Override
    public long countUnsent() {
        return dsl.fetchCount(OUTBOX_EVENT, OUTBOX_EVENT.SENT_AT.isNull());
    }

    @Override
    public void markSent(List<UUID> eventIds, Instant at) {
        dsl.update(OUTBOX_EVENT).set(OUTBOX_EVENT.SENT_AT, utc(at)).where(OUTBOX_EVENT.EVENT_ID.in(eventIds)).execute();
    }
}
