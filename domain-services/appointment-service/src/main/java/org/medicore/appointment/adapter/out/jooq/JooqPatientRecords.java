package org.medicore.appointment.adapter.out.jooq;

import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.Select;
import org.medicore.appointment.application.port.out.ForgetPatientRecords;
import org.medicore.appointment.domain.PatientId;

import java.util.UUID;

import static org.medicore.appointment.adapter.out.jooq.generated.Tables.APPOINTMENT;
import static org.medicore.appointment.adapter.out.jooq.generated.Tables.BOOKING_REQUEST;
import static org.medicore.appointment.adapter.out.jooq.generated.Tables.OUTBOX_EVENT;

/** A patient's booking keys and relayed events, found through their appointments (an outbox row's aggregate is its appointment). */
final class JooqPatientRecords implements ForgetPatientRecords {

    private final DSLContext dsl;

    JooqPatientRecords(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public int forgetBookingRequests(PatientId patient) {
        return dsl.deleteFrom(BOOKING_REQUEST).where(BOOKING_REQUEST.APPOINTMENT_ID.in(appointmentsOf(patient))).execute();
    }

    @Override
    public int forgetRelayedEvents(PatientId patient) {
        return dsl.deleteFrom(OUTBOX_EVENT)
                .where(OUTBOX_EVENT.SENT_AT.isNotNull())
                .and(OUTBOX_EVENT.AGGREGATE_ID.in(appointmentsOf(patient)))
                .execute();
    }

    private Select<Record1<UUID>> appointmentsOf(PatientId patient) {
        return dsl.select(APPOINTMENT.ID).from(APPOINTMENT).where(APPOINTMENT.PATIENT_ID.eq(patient.value()));
    }
}
