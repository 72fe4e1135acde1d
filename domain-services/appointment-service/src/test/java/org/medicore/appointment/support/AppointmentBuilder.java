package org.medicore.appointment.support;

import org.medicore.appointment.domain.Actor;
import org.medicore.appointment.domain.Appointment;
import org.medicore.appointment.domain.AppointmentId;
import org.medicore.appointment.domain.AppointmentStatus;
import org.medicore.appointment.domain.AppointmentType;
import org.medicore.appointment.domain.Cancellation;
import org.medicore.appointment.domain.CancellingParty;
import org.medicore.appointment.domain.PatientId;
import org.medicore.appointment.domain.PractitionerId;
import org.medicore.appointment.domain.PractitionerRef;
import org.medicore.appointment.domain.Role;
import org.medicore.appointment.domain.TimeRange;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/** {@code anAppointment().startingAt(...).inStatus(BOOKED).build()} */
public final class AppointmentBuilder {

    private Instant start = Instant.parse("2026-06-01T08:00:00Z");
    private AppointmentStatus status = AppointmentStatus.BOOKED;
    private String patient = "patient-1";
    private String reason = "";
    private Actor bookedBy;
    private Actor cancelRecordedBy;
    private String cancelReason;
    private PractitionerRef practitioner = new PractitionerRef(new PractitionerId(UUID.randomUUID()), "Internal Medicine",
            "clinic-1", ZoneId.of("Europe/Berlin"), Optional.of("doctor-subject"));

    public static AppointmentBuilder anAppointment() {
        return new AppointmentBuilder();
    }

    public AppointmentBuilder startingAt(Instant start) {
        this.start = start;
        return this;
    }

    public AppointmentBuilder inStatus(AppointmentStatus status) {
        this.status = status;
        return this;
    }

    public AppointmentBuilder ofPatient(String patient) {
        this.patient = patient;
        return this;
    }

    public AppointmentBuilder because(String reason) {
        this.reason = reason;
        return this;
    }

    /** Booked by someone else than the patient (the patient by default). */
    public AppointmentBuilder bookedBy(Actor actor) {
        this.bookedBy = actor;
        return this;
    }

    /** CANCELLED, a week before its start, by {@code recordedBy}, on the patient's behalf. */
    public AppointmentBuilder cancelledBy(Actor recordedBy, String reason) {
        this.status = AppointmentStatus.CANCELLED;
        this.cancelRecordedBy = recordedBy;
        this.cancelReason = reason;
        return this;
    }

    public AppointmentBuilder with(PractitionerRef practitioner) {
        this.practitioner = practitioner;
        return this;
    }

    public Appointment build() {
        Instant created = start.minus(Duration.ofDays(7));
        Optional<Cancellation> cancellation = Optional.ofNullable(cancelRecordedBy).map(recordedBy ->
                new Cancellation(CancellingParty.PATIENT, recordedBy, cancelReason, created.plus(Duration.ofDays(1)), false));
        return new Appointment(new AppointmentId(UUID.randomUUID()), new PatientId(patient), practitioner,
                AppointmentType.CONSULTATION, status, TimeRange.of(start, Duration.ofMinutes(30)), reason,
                bookedBy == null ? new Actor(patient, Role.PATIENT) : bookedBy, cancellation, Optional.empty(),
                Optional.empty(), Optional.empty(), 1, created, created);
    }
}
