package org.medicore.notification.adapter.out.jooq;

import org.jooq.DSLContext;
import org.medicore.notification.application.port.out.RecordProcessedEvents;

import java.time.Instant;
import java.util.UUID;

import static org.medicore.support.postgres.TimestampColumns.column;
import static org.medicore.notification.adapter.out.jooq.generated.Tables.PROCESSED_EVENT;

/** processed_event: the id of every consumed event; a second insert of an id changes nothing. */
final class JooqProcessedEvents implements RecordProcessedEvents {

    private final DSLContext db;

    JooqProcessedEvents(DSLContext db) {
        this.db = db;
    }

    @Override
    public boolean recordFirstTime(UUID eventId, String eventType, Instant at) {
        return db.insertInto(PROCESSED_EVENT)
                .set(PROCESSED_EVENT.EVENT_ID, eventId)
                .set(PROCESSED_EVENT.EVENT_TYPE, eventType)
                .set(PROCESSED_EVENT.PROCESSED_AT, column(at))
                .onConflictDoNothing()
                .execute() == 1;
    }
}
