package org.medicore.appointment.domain;

import org.medicore.appointment.domain.AppointmentEvent.AppointmentBooked;
import org.medicore.appointment.domain.AppointmentEvent.AppointmentCancelled;
import org.medicore.appointment.domain.AppointmentEvent.AppointmentCompleted;
import org.medicore.appointment.domain.AppointmentEvent.AppointmentNoShow;
import org.medicore.appointment.domain.AppointmentEvent.AppointmentOutsideWorkingHours;
import org.medicore.appointment.domain.AppointmentEvent.AppointmentRescheduled;
import org.medicore.appointment.domain.Decision.Accepted;
import org.medicore.appointment.domain.Decision.Refused;
import org.medicore.appointment.domain.Refusal.Rule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The appointment aggregate. Life cycle: BOOKED -> CHECKED_IN -> COMPLETED, or BOOKED ->
 * CANCELLED / NO_SHOW. Each transition returns the new state with its event, or a refusal.
 * A booked appointment that new working hours leave outside is marked so
 * ({@code outsideWorkingHoursSince}) until it is moved or cancelled.
 */
public record Appointment(AppointmentId id, PatientId patientId, PractitionerRef practitioner, AppointmentType type,
                          AppointmentStatus status, TimeRange period, String reason, Actor bookedBy,
                          Optional<Cancellation> cancellation, Optional<Instant> checkedInAt,
                          Optional<Instant> completedAt, Optional<Instant> outsideWorkingHoursSince, long version,
                          Instant createdAt, Instant updatedAt) {

    public static final int REASON_MAX_LENGTH = 500;
    private static final Duration LATE_CANCELLATION = Duration.ofHours(24);

    public Appointment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patientId, "patient id");
        Objects.requireNonNull(practitioner, "practitioner");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(bookedBy, "booked by");
        outsideWorkingHoursSince = outsideWorkingHoursSince == null ? Optional.empty() : outsideWorkingHoursSince;
        reason = Objects.requireNonNullElse(reason, "");
        // Characters as the contract's max_len counts them: code points, so an emoji is one.
        if (reason.codePointCount(0, reason.length()) > REASON_MAX_LENGTH) {
            throw new IllegalArgumentException("reason longer than " + REASON_MAX_LENGTH + " characters");
        }
    }

    /** A request to book, before the practitioner's hours and the clock have had their say. */
    public record Booking(AppointmentId id, PatientId patientId, PractitionerRef practitioner, AppointmentType type,
                          Instant start, String reason, Actor bookedBy) {
        public Booking {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(patientId, "patient id");
            Objects.requireNonNull(practitioner, "practitioner");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(bookedBy, "booked by");
        }
    }

    public static Decision book(Booking booking, WeeklySchedule schedule, SlotPolicy slots, Instant now) {
        if (booking.start().isBefore(now)) {
            return Refused.because(Rule.IN_THE_PAST, "the slot starts in the past");
        }
        if (!slots.offers(booking.practitioner().timeZone(), schedule, booking.type(), booking.start())) {
            return Refused.because(Rule.OUTSIDE_WORKING_HOURS, "no slot of the practitioner starts at " + booking.start());
        }
        Appointment booked = new Appointment(booking.id(), booking.patientId(), booking.practitioner(), booking.type(),
                AppointmentStatus.BOOKED, TimeRange.of(booking.start(), schedule.slotLength(booking.type())),
                booking.reason(), booking.bookedBy(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), 1, now, now);
        return new Accepted(booked, List.of(new AppointmentBooked(UUID.randomUUID(), now, booked.facts())));
    }

    /** After this instant a cancellation by the patient is late, and billing charges the late cancellation fee. */
    public Instant lateCancellationFrom() {
        return period.start().minus(LATE_CANCELLATION);
    }

    public Decision cancel(Actor by, CancellingParty party, String cancellationReason, Instant now) {
        if (status != AppointmentStatus.BOOKED) {
            return Refused.because(Rule.NOT_BOOKED, "the appointment is " + status);
        }
        if (!now.isBefore(period.start())) {
            return Refused.because(Rule.ALREADY_STARTED, "the appointment has started");
        }
        boolean late = party == CancellingParty.PATIENT && now.isAfter(lateCancellationFrom());
        Cancellation cancelled = new Cancellation(party, by, cancellationReason, now, late);
        Appointment next = changed(AppointmentStatus.CANCELLED, period, now).withCancellation(cancelled);
        return new Accepted(next, List.of(new AppointmentCancelled(UUID.randomUUID(), now, next.facts(),
                party, cancellationReason, late)));
    }

    public Decision reschedule(Instant newStart, WeeklySchedule schedule, SlotPolicy slots, Instant now) {
        if (status != AppointmentStatus.BOOKED) {
            return Refused.because(Rule.NOT_BOOKED, "the appointment is " + status);
        }
        if (!now.isBefore(period.start())) {
            return Refused.because(Rule.ALREADY_STARTED, "the appointment has started");
        }
        if (newStart.isBefore(now)) {
            return Refused.because(Rule.IN_THE_PAST, "the new slot starts in the past");
        }
        if (!slots.offers(practitioner.timeZone(), schedule, type, newStart)) {
            return Refused.because(Rule.OUTSIDE_WORKING_HOURS, "no slot of the practitioner starts at " + newStart);
        }
        Appointment next = changed(status, TimeRange.of(newStart, schedule.slotLength(type)), now);
        return new Accepted(next, List.of(new AppointmentRescheduled(UUID.randomUUID(), now, next.facts(), period)));
    }

    public Decision checkIn(Instant now) {
        if (status != AppointmentStatus.BOOKED) {
            return Refused.because(Rule.NOT_BOOKED, "the appointment is " + status);
        }
        var zone = practitioner.timeZone();
        if (!now.atZone(zone).toLocalDate().equals(period.start().atZone(zone).toLocalDate())) {
            return Refused.because(Rule.NOT_TODAY, "the appointment is not today");
        }
        Appointment next = changed(AppointmentStatus.CHECKED_IN, period, now);
        return new Accepted(new Appointment(next.id, next.patientId, next.practitioner, next.type, next.status,
                next.period, next.reason, next.bookedBy, next.cancellation, Optional.of(now), next.completedAt,
                next.outsideWorkingHoursSince, next.version, next.createdAt, next.updatedAt), List.of());
    }

    public Decision complete(Instant now) {
        if (status.isFinal()) {
            return Refused.because(Rule.ALREADY_FINAL, "the appointment is " + status);
        }
        if (now.isBefore(period.start())) {
            return Refused.because(Rule.NOT_STARTED, "the appointment has not started");
        }
        Appointment changed = changed(AppointmentStatus.COMPLETED, period, now);
        Appointment next = new Appointment(id, patientId, practitioner, type, changed.status, period, reason, bookedBy,
                cancellation, checkedInAt, Optional.of(now), outsideWorkingHoursSince, changed.version, createdAt, now);
        return new Accepted(next, List.of(new AppointmentCompleted(UUID.randomUUID(), now, next.facts())));
    }

    public Decision markNoShow(Instant now) {
        if (status != AppointmentStatus.BOOKED) {
            return Refused.because(Rule.NOT_BOOKED, "the appointment is " + status);
        }
        if (now.isBefore(period.start())) {
            return Refused.because(Rule.NOT_STARTED, "the appointment has not started");
        }
        Appointment next = changed(AppointmentStatus.NO_SHOW, period, now);
        return new Accepted(next, List.of(new AppointmentNoShow(UUID.randomUUID(), now, next.facts())));
    }

    /**
     * The patient was erased (GDPR art. 17). An appointment still ahead that holds its slot is cancelled by
     * the system, never late, so the slot is free again; then what may name the patient goes: the reason
     * (unless {@code keepReason}: a clinical record the clinic must keep), any cancellation's reason, and the
     * patient's own login where it booked or cancelled (staff stay). Empty when none of that is left, so an
     * erasure repeated changes nothing.
     */
    public Optional<Decision.Accepted> erasePatient(boolean keepReason, Instant now) {
        boolean cancels = holdsItsSlot() && now.isBefore(period.start());
        Optional<Cancellation> erasedCancellation = cancels
                ? Optional.of(new Cancellation(CancellingParty.SYSTEM, PatientErasure.SYSTEM, PatientErasure.CANCEL_REASON, now, false))
                : cancellation.map(earlier -> new Cancellation(earlier.cancelledBy(), withoutPatientLogin(earlier.recordedBy()),
                        PatientErasure.CANCEL_REASON, earlier.cancelledAt(), earlier.late()));
        Appointment erased = new Appointment(id, patientId, practitioner, type,
                cancels ? AppointmentStatus.CANCELLED : status, period, keepReason ? reason : "",
                withoutPatientLogin(bookedBy), erasedCancellation, checkedInAt, completedAt,
                cancels ? Optional.empty() : outsideWorkingHoursSince, version, createdAt, updatedAt);
        if (erased.equals(this)) {
            return Optional.empty();
        }
        Appointment next = new Appointment(id, patientId, practitioner, type, erased.status, period, erased.reason,
                erased.bookedBy, erased.cancellation, checkedInAt, completedAt, erased.outsideWorkingHoursSince,
                version + 1, createdAt, now);
        List<AppointmentEvent> events = cancels
                ? List.of(new AppointmentCancelled(UUID.randomUUID(), now, next.facts(), CancellingParty.SYSTEM,
                        PatientErasure.CANCEL_REASON, false))
                : List.of();
        return Optional.of(new Accepted(next, events));
    }

    /** The patient's own login (their subject is their patient id) is deleted with them; staff keep theirs. */
    private Actor withoutPatientLogin(Actor actor) {
        return actor.subject().equals(patientId.value()) ? PatientErasure.ERASED_PATIENT : actor;
    }

    /** Active appointments hold their period: no other active appointment of the practitioner may overlap it. */
    public boolean holdsItsSlot() {
        return status == AppointmentStatus.BOOKED || status == AppointmentStatus.CHECKED_IN;
    }

    public AppointmentFacts facts() {
        return new AppointmentFacts(id, patientId, practitioner, type, period);
    }

    /**
     * Marks a booked appointment that the practitioner's new hours no longer offer; nothing to
     * do when it is marked already or no longer booked.
     */
    public Optional<Decision.Accepted> leftOutsideWorkingHours(Instant now) {
        if (status != AppointmentStatus.BOOKED || outsideWorkingHoursSince.isPresent()) {
            return Optional.empty();
        }
        Appointment changed = changed(status, period, now);
        Appointment next = new Appointment(id, patientId, practitioner, type, status, period, reason, bookedBy,
                cancellation, checkedInAt, completedAt, Optional.of(now), changed.version, createdAt, now);
        return Optional.of(new Accepted(next, List.of(new AppointmentOutsideWorkingHours(UUID.randomUUID(), now,
                next.facts()))));
    }

    /** Moving or cancelling ends a mark of being outside working hours: the new slot is on the grid, a cancelled one holds none. */
    private Appointment changed(AppointmentStatus newStatus, TimeRange newPeriod, Instant now) {
        Optional<Instant> outside = newStatus == AppointmentStatus.CANCELLED || !newPeriod.equals(period)
                ? Optional.empty() : outsideWorkingHoursSince;
        return new Appointment(id, patientId, practitioner, type, newStatus, newPeriod, reason, bookedBy, cancellation,
                checkedInAt, completedAt, outside, version + 1, createdAt, now);
    }

    private Appointment withCancellation(Cancellation cancelled) {
        return new Appointment(id, patientId, practitioner, type, status, period, reason, bookedBy,
                Optional.of(cancelled), checkedInAt, completedAt, outsideWorkingHoursSince, version, createdAt, updatedAt);
    }
}
