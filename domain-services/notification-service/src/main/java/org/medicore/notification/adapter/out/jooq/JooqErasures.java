package org.medicore.notification.adapter.out.jooq;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.medicore.notification.application.port.out.ErasePatients;

import java.time.Instant;
import java.util.UUID;

import static org.medicore.notification.adapter.out.jooq.generated.Tables.APPOINTMENT_CALENDAR;
import static org.medicore.notification.adapter.out.jooq.generated.Tables.CHANNEL_CONSENT;
import static org.medicore.notification.adapter.out.jooq.generated.Tables.CHANNEL_CONSENT_HISTORY;
import static org.medicore.notification.adapter.out.jooq.generated.Tables.ERASED_PATIENT;
import static org.medicore.notification.adapter.out.jooq.generated.Tables.NOTIFICATION;
import static org.medicore.notification.adapter.out.jooq.generated.Tables.RECIPIENT;
import static org.medicore.support.postgres.TimestampColumns.column;

/**
 * erased_patient, and the erasure across recipient, channel_consent(_history), appointment_calendar and
 * notification. A transaction-scoped advisory lock per patient orders an erasure against the other
 * events about the patient: a check that finds no marker holds the lock shared until its transaction
 * ends, the erasure takes it exclusively, so a booking or a registration applied at the same moment
 * either commits before the erasure (which then removes what it wrote) or waits and finds the marker.
 */
final class JooqErasures implements ErasePatients {

    /** The first key of this service's advisory locks on patients; the second is the patient id's hash. */
    private static final int PATIENT_LOCKS = 27_006;

    private final DSLContext db;

    JooqErasures(DSLContext db) {
        this.db = db;
    }

    @Override
    public boolean isErased(UUID patientId) {
        db.resultQuery("select pg_advisory_xact_lock_shared({0}, hashtext({1}))", DSL.val(PATIENT_LOCKS),
                DSL.val(patientId.toString())).fetch();
        return db.fetchExists(ERASED_PATIENT, ERASED_PATIENT.PATIENT_ID.eq(patientId));
    }

    @Override
    public void erase(UUID patientId, String withdrawnBecause, Instant at) {
        db.resultQuery("select pg_advisory_xact_lock({0}, hashtext({1}))", DSL.val(PATIENT_LOCKS),
                DSL.val(patientId.toString())).fetch();
        // first: the consent history's trigger lets the patient's rows go only once the marker is there
        boolean marked = db.insertInto(ERASED_PATIENT)
                .set(ERASED_PATIENT.PATIENT_ID, patientId)
                .set(ERASED_PATIENT.ERASED_AT, column(at))
                .onConflictDoNothing()
                .execute() == 1;
        if (!marked) {
            return;
        }
        db.deleteFrom(RECIPIENT).where(RECIPIENT.PATIENT_ID.eq(patientId)).execute();
        // deleting consent appends CLEARED rows to the history, removed with the rest of it next
        db.deleteFrom(CHANNEL_CONSENT).where(CHANNEL_CONSENT.PATIENT_ID.eq(patientId)).execute();
        db.deleteFrom(CHANNEL_CONSENT_HISTORY).where(CHANNEL_CONSENT_HISTORY.PATIENT_ID.eq(patientId)).execute();
        db.deleteFrom(APPOINTMENT_CALENDAR).where(APPOINTMENT_CALENDAR.PATIENT_ID.eq(patientId)).execute();
        // One statement over every row of the patient: a message the delivery round holds is waited for and
        // then read as it committed, so one sent at this moment stays SENT and loses its address too.
        var pending = NOTIFICATION.STATUS.eq("PENDING");
        db.update(NOTIFICATION)
                .set(NOTIFICATION.STATUS, DSL.when(pending, "WITHDRAWN").otherwise(NOTIFICATION.STATUS))
                .set(NOTIFICATION.LAST_ERROR, DSL.when(pending, withdrawnBecause).otherwise(DSL.inline((String) null)))
                .setNull(NOTIFICATION.SENT_TO)
                .where(NOTIFICATION.PATIENT_ID.eq(patientId))
                .execute();
    }
}
