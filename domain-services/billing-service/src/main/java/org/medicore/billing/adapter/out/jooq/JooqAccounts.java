package org.medicore.billing.adapter.out.jooq;

import org.jooq.DSLContext;
import org.medicore.billing.application.port.out.LoadAccounts;
import org.medicore.billing.application.port.out.ParkCharges;
import org.medicore.billing.application.port.out.RecordProcessedEvents;
import org.medicore.billing.application.port.out.SaveAccounts;
import org.medicore.billing.domain.AppointmentRef;
import org.medicore.billing.domain.AppointmentType;
import org.medicore.billing.domain.BillingAccount;
import org.medicore.billing.domain.Charge;
import org.medicore.billing.domain.ChargeReason;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.medicore.support.postgres.TimestampColumns.column;
import static org.medicore.support.postgres.TimestampColumns.value;
import static org.medicore.billing.adapter.out.jooq.generated.Tables.BILLING_ACCOUNT;
import static org.medicore.billing.adapter.out.jooq.generated.Tables.PARKED_CHARGE;
import static org.medicore.billing.adapter.out.jooq.generated.Tables.PROCESSED_EVENT;

/** Accounts, the processed-event ledger and parked charges. */
final class JooqAccounts implements LoadAccounts, SaveAccounts, RecordProcessedEvents, ParkCharges {

    private final DSLContext db;

    JooqAccounts(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<BillingAccount> accountOf(UUID patientId) {
        return db.selectFrom(BILLING_ACCOUNT).where(BILLING_ACCOUNT.PATIENT_ID.eq(patientId)).fetchOptional()
                .map(row -> new BillingAccount(row.getId(), row.getPatientId(), value(row.getOpenedAt()),
                        value(row.getUpdatedAt())));
    }

    @Override
    public boolean open(BillingAccount account) {
        return db.insertInto(BILLING_ACCOUNT)
                .set(BILLING_ACCOUNT.ID, account.id())
                .set(BILLING_ACCOUNT.PATIENT_ID, account.patientId())
                .set(BILLING_ACCOUNT.OPENED_AT, column(account.openedAt()))
                .set(BILLING_ACCOUNT.UPDATED_AT, column(account.updatedAt()))
                .onConflict(BILLING_ACCOUNT.PATIENT_ID).doNothing()
                .execute() == 1;
    }

    @Override
    public void touch(UUID patientId, Instant at) {
        db.update(BILLING_ACCOUNT).set(BILLING_ACCOUNT.UPDATED_AT, column(at))
                .where(BILLING_ACCOUNT.PATIENT_ID.eq(patientId)).execute();
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

    @Override
    public void park(ParkedCharge parked, Instant at) {
        Charge charge = parked.charge();
        AppointmentRef appointment = charge.appointment();
        db.insertInto(PARKED_CHARGE)
                .set(PARKED_CHARGE.EVENT_ID, parked.eventId())
                .set(PARKED_CHARGE.PATIENT_ID, charge.patientId())
                .set(PARKED_CHARGE.APPOINTMENT_ID, appointment.appointmentId())
                .set(PARKED_CHARGE.APPOINTMENT_TYPE, charge.type().name())
                .set(PARKED_CHARGE.CHARGE_REASON, charge.reason().name())
                .set(PARKED_CHARGE.PRACTITIONER_ID, appointment.practitionerId())
                .set(PARKED_CHARGE.DEPARTMENT, appointment.department())
                .set(PARKED_CHARGE.CLINIC_ID, appointment.clinicId())
                .set(PARKED_CHARGE.APPOINTMENT_START, column(appointment.start()))
                .set(PARKED_CHARGE.OCCURRED_AT, column(parked.occurredAt()))
                .set(PARKED_CHARGE.PARKED_AT, column(at))
                .execute();
    }

    @Override
    public List<ParkedCharge> unpark(UUID patientId) {
        return db.deleteFrom(PARKED_CHARGE).where(PARKED_CHARGE.PATIENT_ID.eq(patientId))
                .returning().fetch().stream()
                .map(row -> new ParkedCharge(row.getEventId(), value(row.getOccurredAt()), new Charge(
                        row.getPatientId(),
                        new AppointmentRef(row.getAppointmentId(), row.getPractitionerId(), row.getDepartment(),
                                row.getClinicId(), value(row.getAppointmentStart())),
                        AppointmentType.valueOf(row.getAppointmentType()),
                        ChargeReason.valueOf(row.getChargeReason()))))
                .sorted(java.util.Comparator.comparing(ParkedCharge::occurredAt))
                .toList();
    }
}
