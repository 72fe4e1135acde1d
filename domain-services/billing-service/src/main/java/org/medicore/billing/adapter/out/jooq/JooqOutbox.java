package org.medicore.billing.adapter.out.jooq;

import org.jooq.DSLContext;
import org.medicore.billing.application.port.out.AppendToOutbox;
import org.medicore.support.outbox.PendingOutbox;
import org.medicore.support.port.OutboxMessage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.medicore.support.postgres.TimestampColumns.column;
import static org.medicore.support.postgres.TimestampColumns.value;
import static org.medicore.billing.adapter.out.jooq.generated.Tables.OUTBOX;

/** The outbox table: appended in the change's transaction, read in write order by the relay. */
final class JooqOutbox implements AppendToOutbox, PendingOutbox {

    private final DSLContext db;

    JooqOutbox(DSLContext db) {
        this.db = db;
    }

    @Override
    public void append(List<OutboxMessage> messages) {
        for (OutboxMessage message : messages) {
            db.insertInto(OUTBOX)
                    .set(OUTBOX.EVENT_ID, message.eventId())
                    .set(OUTBOX.AGGREGATE_ID, message.key())
                    .set(OUTBOX.EVENT_TYPE, message.eventType())
                    .set(OUTBOX.OCCURRED_AT, column(message.occurredAt()))
                    .set(OUTBOX.PAYLOAD, message.payload())
                    .set(OUTBOX.TRACE_PARENT, message.traceParent())
                    .execute();
        }
    }

    @Override
    public List<OutboxMessage> lockOldestUnsent(int limit) {
        return db.selectFrom(OUTBOX).where(OUTBOX.PUBLISHED_AT.isNull()).orderBy(OUTBOX.POSITION).limit(limit)
                .forUpdate().skipLocked()
                .fetch(row -> new OutboxMessage(row.getEventId(), row.getEventType(), row.getAggregateId(),
                        value(row.getOccurredAt()), row.getPayload(), row.getTraceParent()));
    }

    @Override
    public long countUnsent() {
        return db.fetchCount(OUTBOX, OUTBOX.PUBLISHED_AT.isNull());
    }

    @Override
    public void markSent(List<UUID> eventIds, Instant at) {
        db.update(OUTBOX).set(OUTBOX.PUBLISHED_AT, column(at)).where(OUTBOX.EVENT_ID.in(eventIds)).execute();
    }
}
