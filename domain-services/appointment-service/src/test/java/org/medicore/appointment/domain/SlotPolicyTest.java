package org.medicore.appointment.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.appointment.support.ScheduleBuilder.aWeek;

class SlotPolicyTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final PractitionerId PRACTITIONER = new PractitionerId(UUID.randomUUID());
    private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

    private final SlotPolicy policy = new SlotPolicy();

    @Test
    void working_hours_are_cut_into_back_to_back_slots_of_the_type() {
        var schedule = aWeek().workingWeekdays("08:00", "10:00").build();

        List<Slot> slots = policy.freeSlots(PRACTITIONER, BERLIN, schedule, AppointmentType.CONSULTATION,
                LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 1), List.of(), LONG_AGO);

        assertThat(localStarts(slots)).containsExactly("08:00", "08:30", "09:00", "09:30");
    }

    @Test
    void slots_keep_their_wall_clock_times_across_the_daylight_saving_change() {
        var schedule = aWeek().workingWeekdays("08:00", "09:00").build();

        List<Slot> slots = policy.freeSlots(PRACTITIONER, BERLIN, schedule, AppointmentType.CONSULTATION,
                LocalDate.of(2026, 3, 27), LocalDate.of(2026, 3, 30), List.of(), LONG_AGO);

        assertThat(slots).extracting(slot -> slot.period().start()).containsExactly(
                Instant.parse("2026-03-27T07:00:00Z"), Instant.parse("2026-03-27T07:30:00Z"),
                Instant.parse("2026-03-30T06:00:00Z"), Instant.parse("2026-03-30T06:30:00Z"));
    }

    @Test
    void a_night_interval_over_the_spring_forward_hour_has_one_hour_less_of_slots() {
        var schedule = aWeek().working(java.time.DayOfWeek.SUNDAY, "01:00", "04:00")
                .slotsOf(AppointmentType.CONSULTATION, 60).build();

        List<Slot> slots = policy.freeSlots(PRACTITIONER, BERLIN, schedule, AppointmentType.CONSULTATION,
                LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 29), List.of(), LONG_AGO);

        assertThat(localStarts(slots)).containsExactly("01:00", "03:00");
        assertThat(slots).allSatisfy(slot -> assertThat(slot.period().length()).hasMinutes(60));
    }

    @Test
    void a_night_interval_over_the_fall_back_hour_has_one_hour_more_of_slots() {
        var schedule = aWeek().working(java.time.DayOfWeek.SUNDAY, "01:00", "04:00")
                .slotsOf(AppointmentType.CONSULTATION, 60).build();

        List<Slot> slots = policy.freeSlots(PRACTITIONER, BERLIN, schedule, AppointmentType.CONSULTATION,
                LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 25), List.of(), LONG_AGO);

        assertThat(slots).hasSize(4);
    }

    @Test
    void no_slot_touches_a_break_a_day_off_or_a_taken_period() {
        var schedule = aWeek().workingWeekdays("08:00", "11:00").withBreak("09:00", "09:30")
                .off(LocalDate.of(2026, 6, 2)).build();
        var taken = new TimeRange(Instant.parse("2026-06-01T06:30:00Z"), Instant.parse("2026-06-01T06:45:00Z"));

        List<Slot> slots = policy.freeSlots(PRACTITIONER, BERLIN, schedule, AppointmentType.CONSULTATION,
                LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 2), List.of(taken), LONG_AGO);

        assertThat(localStarts(slots)).containsExactly("08:00", "09:30", "10:00", "10:30");
    }

    @Test
    void slots_in_the_past_are_not_offered() {
        var schedule = aWeek().workingWeekdays("08:00", "10:00").build();

        List<Slot> slots = policy.freeSlots(PRACTITIONER, BERLIN, schedule, AppointmentType.CONSULTATION,
                LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 1), List.of(), Instant.parse("2026-06-01T07:00:00Z"));

        assertThat(localStarts(slots)).containsExactly("09:00", "09:30");
    }

    @Test
    void only_starts_on_the_grid_are_offered() {
        var schedule = aWeek().workingWeekdays("08:00", "10:00").withBreak("09:00", "09:30").build();

        assertThat(policy.offers(BERLIN, schedule, AppointmentType.CONSULTATION, Instant.parse("2026-06-01T06:30:00Z"))).isTrue();
        assertThat(policy.offers(BERLIN, schedule, AppointmentType.CONSULTATION, Instant.parse("2026-06-01T06:15:00Z"))).isFalse();
        assertThat(policy.offers(BERLIN, schedule, AppointmentType.CONSULTATION, Instant.parse("2026-06-01T07:00:00Z"))).isFalse();
        assertThat(policy.offers(BERLIN, schedule, AppointmentType.CONSULTATION, Instant.parse("2026-06-06T06:00:00Z"))).isFalse();
    }

    private static List<String> localStarts(List<Slot> slots) {
        return slots.stream().map(slot -> LocalTime.ofInstant(slot.period().start(), BERLIN).toString()).toList();
    }
}
