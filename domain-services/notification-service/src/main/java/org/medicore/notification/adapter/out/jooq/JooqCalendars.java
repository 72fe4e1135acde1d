package org.medicore.notification.adapter.out.jooq;

import org.jooq.DSLContext;
import org.medicore.notification.application.port.out.AppointmentCalendars;
import org.medicore.notification.domain.AppointmentCalendar;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import static org.medicore.support.postgres.TimestampColumns.column;
import static org.medicore.support.postgres.TimestampColumns.value;
import static org.medicore.notification.adapter.out.jooq.generated.Tables.APPOINTMENT_CALENDAR;

/** appointment_calendar: one row per appointment, locked while an event changes it. */
final class JooqCalendars implements AppointmentCalendars {

    private final DSLContext db;

    JooqCalendars(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<AppointmentCalendar> findForUpdate(UUID appointmentId) {
        return db.selectFrom(APPOINTMENT_CALENDAR).where(APPOINTMENT_CALENDAR.APPOINTMENT_ID.eq(appointmentId))
                .forUpdate()
                .fetchOptional(row -> new AppointmentCalendar(row.getAppointmentId(), row.getPatientId(),
                        ZoneId.of(row.getPractitionerZone()), row.getSequence(), value(row.getStartsAt()),
                        value(row.getEndsAt()), row.getCancelled()));
    }

    @Override
    public void save(AppointmentCalendar calendar, Instant at) {
        db.insertInto(APPOINTMENT_CALENDAR)
                .set(APPOINTMENT_CALENDAR.APPOINTMENT_ID, calendar.appointmentId())
                .set(APPOINTMENT_CALENDAR.PATIENT_ID, calendar.patientId())
                .set(APPOINTMENT_CALENDAR.PRACTITIONER_ZONE, calendar.practitionerZone().getId())
                .set(APPOINTMENT_CALENDAR.SEQUENCE, calendar.sequence())
                .set(APPOINTMENT_CALENDAR.STARTS_AT, column(calendar.start()))
                .set(APPOINTMENT_CALENDAR.ENDS_AT, column(calendar.end()))
                .set(APPOINTMENT_CALENDAR.CANCELLED, calendar.cancelled())
                .set(APPOINTMENT_CALENDAR.UPDATED_AT, column(at))
                .onConflict(APPOINTMENT_CALENDAR.APPOINTMENT_ID).doUpdate()
                .set(APPOINTMENT_CALENDAR.SEQUENCE, calendar.sequence())
                .set(APPOINTMENT_CALENDAR.STARTS_AT, column(calendar.start()))
                .set(APPOINTMENT_CALENDAR.ENDS_AT, column(calendar.end()))
                .set(APPOINTMENT_CALENDAR.CANCELLED, calendar.cancelled())
                .set(APPOINTMENT_CALENDAR.UPDATED_AT, column(at))
                .execute();
    }
}
