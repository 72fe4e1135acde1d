package org.medicore.appointment.domain;

import org.junit.jupiter.api.Test;
import org.medicore.appointment.domain.AppointmentEvent.AppointmentBooked;
import org.medicore.appointment.domain.AppointmentEvent.AppointmentCancelled;
import org.medicore.appointment.domain.AppointmentEvent.AppointmentCompleted;
import org.medicore.appointment.domain.AppointmentEvent.AppointmentNoShow;
import org.medicore.appointment.domain.AppointmentEvent.AppointmentRescheduled;
import org.medicore.appointment.domain.Refusal.Rule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.appointment.support.AppointmentBuilder.anAppointment;
import static org.medicore.appointment.support.ScheduleBuilder.aWeek;

class AppointmentTest {

    private static final Instant START = Instant.parse("2026-06-01T08:00:00Z");
    private static final Actor PATIENT = new Actor("patient-1", Role.PATIENT);
    private final SlotPolicy slots = new SlotPolicy();
    private final WeeklySchedule weekdays = aWeek().workingWeekdays("08:00", "12:00").build();

    @Test
    void a_booking_on_the_grid_is_booked_and_raises_appointment_booked() {
        Decision decision = Appointment.book(booking(START), weekdays, slots, START.minus(Duration.ofDays(1)));

        var accepted = (Decision.Accepted) decision;
        assertThat(accepted.appointment().status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(accepted.appointment().period().length()).isEqualTo(Duration.ofMinutes(30));
        assertThat(accepted.events()).singleElement().isInstanceOf(AppointmentBooked.class);
    }

    @Test
    void a_booking_off_the_grid_is_refused_as_outside_working_hours() {
        assertRefused(Appointment.book(booking(START.plus(Duration.ofMinutes(10))), weekdays, slots, START.minus(Duration.ofDays(1))),
                Rule.OUTSIDE_WORKING_HOURS);
    }

    @Test
    void a_booking_in_the_past_is_refused() {
        assertRefused(Appointment.book(booking(START), weekdays, slots, START.plusSeconds(1)), Rule.IN_THE_PAST);
    }

    @Test
    void a_patient_cancelling_within_24_hours_cancels_late() {
        Decision decision = anAppointment().startingAt(START).build()
                .cancel(PATIENT, CancellingParty.PATIENT, "ill", START.minus(Duration.ofHours(2)));

        var accepted = (Decision.Accepted) decision;
        assertThat(accepted.appointment().status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(accepted.appointment().cancellation()).hasValueSatisfying(c -> assertThat(c.late()).isTrue());
        assertThat(accepted.events()).singleElement().isInstanceOfSatisfying(AppointmentCancelled.class,
                event -> assertThat(event.late()).isTrue());
    }

    @Test
    void a_patient_cancelling_becomes_late_24_hours_before_the_start_and_not_earlier() {
        Appointment appointment = anAppointment().startingAt(START).build();
        Instant lateFrom = appointment.lateCancellationFrom();

        assertThat(lateFrom).isEqualTo(START.minus(Duration.ofHours(24)));
        assertThat(((Decision.Accepted) appointment.cancel(PATIENT, CancellingParty.PATIENT, "ill", lateFrom))
                .appointment().cancellation()).hasValueSatisfying(c -> assertThat(c.late()).isFalse());
        assertThat(((Decision.Accepted) appointment.cancel(PATIENT, CancellingParty.PATIENT, "ill", lateFrom.plusSeconds(1)))
                .appointment().cancellation()).hasValueSatisfying(c -> assertThat(c.late()).isTrue());
    }

    @Test
    void a_clinic_cancelling_is_never_late() {
        var accepted = (Decision.Accepted) anAppointment().startingAt(START).build()
                .cancel(PATIENT, CancellingParty.CLINIC, "closed", START.minus(Duration.ofHours(2)));

        assertThat(accepted.appointment().cancellation()).hasValueSatisfying(c -> assertThat(c.late()).isFalse());
    }

    @Test
    void a_started_appointment_cannot_be_cancelled() {
        assertRefused(anAppointment().startingAt(START).build().cancel(PATIENT, CancellingParty.PATIENT, "late", START),
                Rule.ALREADY_STARTED);
    }

    @Test
    void a_cancelled_appointment_cannot_be_completed() {
        assertRefused(anAppointment().inStatus(AppointmentStatus.CANCELLED).startingAt(START).build()
                .complete(START.plusSeconds(60)), Rule.ALREADY_FINAL);
    }

    @Test
    void a_checked_in_appointment_is_completed_after_its_start() {
        Appointment booked = anAppointment().startingAt(START).build();
        var checkedIn = (Decision.Accepted) booked.checkIn(START.minus(Duration.ofMinutes(5)));
        var completed = (Decision.Accepted) checkedIn.appointment().complete(START.plus(Duration.ofMinutes(25)));

        assertThat(checkedIn.events()).isEmpty();
        assertThat(checkedIn.appointment().checkedInAt()).isPresent();
        assertThat(completed.appointment().status()).isEqualTo(AppointmentStatus.COMPLETED);
        assertThat(completed.appointment().version()).isEqualTo(3);
        assertThat(completed.events()).singleElement().isInstanceOf(AppointmentCompleted.class);
    }

    @Test
    void an_appointment_is_not_completed_before_it_starts() {
        assertRefused(anAppointment().startingAt(START).build().complete(START.minusSeconds(1)), Rule.NOT_STARTED);
    }

    @Test
    void check_in_is_only_on_the_day_of_the_appointment_in_the_clinic_zone() {
        assertRefused(anAppointment().startingAt(START).build().checkIn(START.minus(Duration.ofDays(1))), Rule.NOT_TODAY);
    }

    @Test
    void a_patient_who_did_not_come_is_marked_no_show_once() {
        var noShow = (Decision.Accepted) anAppointment().startingAt(START).build().markNoShow(START.plus(Duration.ofMinutes(15)));

        assertThat(noShow.events()).singleElement().isInstanceOf(AppointmentNoShow.class);
        assertRefused(noShow.appointment().markNoShow(START.plus(Duration.ofMinutes(20))), Rule.NOT_BOOKED);
    }

    @Test
    void a_reschedule_moves_the_period_and_remembers_the_old_one() {
        var moved = (Decision.Accepted) anAppointment().startingAt(START).build()
                .reschedule(START.plus(Duration.ofHours(1)), weekdays, slots, START.minus(Duration.ofDays(1)));

        assertThat(moved.appointment().period().start()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(moved.events()).singleElement().isInstanceOfSatisfying(AppointmentRescheduled.class,
                event -> assertThat(event.oldPeriod().start()).isEqualTo(START));
    }

    private static Appointment.Booking booking(Instant start) {
        var practitioner = new PractitionerRef(new PractitionerId(UUID.randomUUID()), "Cardiology", "clinic-1",
                ZoneId.of("Europe/Berlin"), Optional.empty());
        return new Appointment.Booking(new AppointmentId(UUID.randomUUID()), new PatientId("patient-1"), practitioner,
                AppointmentType.CONSULTATION, start, "", PATIENT);
    }

    @Test
    void a_booking_left_outside_new_hours_is_marked_once_and_moving_or_cancelling_ends_the_mark() {
        Appointment booked = ((Decision.Accepted) Appointment.book(booking(START), weekdays, slots, START.minus(Duration.ofDays(3))))
                .appointment();
        Instant hoursChanged = START.minus(Duration.ofDays(2));

        Decision.Accepted marked = booked.leftOutsideWorkingHours(hoursChanged).orElseThrow();

        assertThat(marked.appointment().outsideWorkingHoursSince()).contains(hoursChanged);
        assertThat(marked.appointment().version()).isEqualTo(booked.version() + 1);
        assertThat(marked.events()).singleElement().isInstanceOf(AppointmentEvent.AppointmentOutsideWorkingHours.class);
        assertThat(marked.appointment().leftOutsideWorkingHours(hoursChanged.plusSeconds(60))).isEmpty();
        var moved = (Decision.Accepted) marked.appointment().reschedule(START.plus(Duration.ofMinutes(30)), weekdays, slots,
                hoursChanged.plusSeconds(60));
        assertThat(moved.appointment().outsideWorkingHoursSince()).isEmpty();
        var cancelled = (Decision.Accepted) marked.appointment().cancel(PATIENT, CancellingParty.CLINIC, "hours changed",
                hoursChanged.plusSeconds(60));
        assertThat(cancelled.appointment().outsideWorkingHoursSince()).isEmpty();
    }

    private static void assertRefused(Decision decision, Rule rule) {
        assertThat(decision).isInstanceOfSatisfying(Decision.Refused.class,
                refused -> assertThat(refused.refusal().rule()).isEqualTo(rule));
    }
}
