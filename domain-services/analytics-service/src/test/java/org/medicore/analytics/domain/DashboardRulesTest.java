package org.medicore.analytics.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DashboardRulesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final DashboardRules RULES = new DashboardRules(BERLIN, 480);
    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final CareUnit NOVAK = new CareUnit("c1", "Cardiology", "dr-novak");

    @Test
    void should_count_bookings_made_in_the_last_hour_only() {
        ClinicActivity activity = ClinicActivity.none()
                .record(booked("a1", NOW.minus(Duration.ofMinutes(61)), slotAt(14)), NOW)
                .record(booked("a2", NOW.minus(Duration.ofMinutes(59)), slotAt(14)), NOW)
                .record(booked("a3", NOW, slotAt(15)), NOW);

        assertThat(activity.bookingsInHourBefore(NOW)).isEqualTo(2);
        assertThat(activity.bookingsInHourBefore(NOW.plus(Duration.ofMinutes(59)))).isEqualTo(1);
    }

    @Test
    void should_rate_no_shows_of_appointments_that_started_in_the_last_seven_days() {
        ClinicActivity activity = ClinicActivity.none()
                .record(new ClinicEvent.AppointmentNoShow("e1", NOW, "a1", NOVAK, slotStarting(NOW.minus(Duration.ofDays(8)))), NOW)
                .record(new ClinicEvent.AppointmentNoShow("e2", NOW, "a2", NOVAK, slotStarting(NOW.minus(Duration.ofDays(2)))), NOW)
                .record(new ClinicEvent.AppointmentCompleted("e3", NOW, "a3", NOVAK, slotStarting(NOW.minus(Duration.ofDays(1)))), NOW)
                .record(new ClinicEvent.AppointmentCompleted("e4", NOW, "a4", NOVAK, slotStarting(NOW.minus(Duration.ofHours(3)))), NOW)
                .record(new ClinicEvent.AppointmentCompleted("e5", NOW, "a5", NOVAK, slotStarting(NOW.minus(Duration.ofHours(2)))), NOW);

        assertThat(activity.outcomesInWeekBefore(NOW)).isEqualTo(new Outcomes(3, 1));
        assertThat(activity.outcomesInWeekBefore(NOW).noShowRateBasisPoints()).isEqualTo(2_500);
    }

    @Test
    void should_rate_no_shows_zero_when_no_appointment_ended() {
        assertThat(Outcomes.NONE.noShowRateBasisPoints()).isZero();
    }

    @Test
    void should_fill_a_practitioners_day_with_booked_time_and_free_it_on_cancellation() {
        BookedDay day = BookedDay.empty(TODAY);
        day = RULES.apply(booked("a1", NOW, slotAt(14)), day);
        day = RULES.apply(booked("a2", NOW, slotAt(15)), day);
        day = RULES.apply(new ClinicEvent.AppointmentCancelled("e", NOW, "a2", NOVAK, slotAt(15), false), day);

        RollingFigures figures = RULES.figures("c1", ClinicActivity.none(), day, NOW);

        assertThat(figures.today()).isEqualTo(TODAY);
        assertThat(figures.practitionerUtilisation()).extracting(PractitionerUtilisation::practitionerId,
                        PractitionerUtilisation::bookedMinutes, PractitionerUtilisation::availableMinutes,
                        PractitionerUtilisation::utilisationBasisPoints)
                .containsExactly(tuple("dr-novak", 30L, 480L, 625));
    }

    @Test
    void should_move_a_rescheduled_appointment_to_its_new_day() {
        var booked = booked("a1", NOW, slotAt(14));
        var moved = new ClinicEvent.AppointmentRescheduled("e", NOW, "a1", NOVAK, slotAt(14),
                slotStarting(Instant.parse("2026-03-03T09:00:00Z")));

        assertThat(RULES.daysChangedBy(moved)).containsExactly(TODAY, TODAY.plusDays(1));
        BookedDay today = RULES.apply(moved, RULES.apply(booked, BookedDay.empty(TODAY)));
        BookedDay tomorrow = RULES.apply(moved, BookedDay.empty(TODAY.plusDays(1)));
        assertThat(today.appointments()).isEmpty();
        assertThat(tomorrow.appointments()).containsOnlyKeys("a1");
    }

    @Test
    void should_free_the_time_of_a_missed_appointment() {
        BookedDay day = RULES.apply(booked("a1", NOW, slotAt(9)), BookedDay.empty(TODAY));

        day = RULES.apply(new ClinicEvent.AppointmentNoShow("e", NOW, "a1", NOVAK, slotAt(9)), day);

        assertThat(day.appointments()).isEmpty();
    }

    @Test
    void should_take_today_from_the_clinics_time_zone() {
        assertThat(RULES.dayOf(Instant.parse("2026-03-02T23:30:00Z"))).isEqualTo(TODAY.plusDays(1));
    }

    private static ClinicEvent.AppointmentBooked booked(String appointmentId, Instant at, TimeSlot slot) {
        return new ClinicEvent.AppointmentBooked("booked-" + appointmentId, at, appointmentId, NOVAK, slot);
    }

    /** A half-hour slot starting at {@code hour} o'clock Berlin time today. */
    private static TimeSlot slotAt(int hour) {
        return slotStarting(TODAY.atTime(hour, 0).atZone(BERLIN).toInstant());
    }

    private static TimeSlot slotStarting(Instant start) {
        return new TimeSlot(start, start.plus(Duration.ofMinutes(30)));
    }
}
