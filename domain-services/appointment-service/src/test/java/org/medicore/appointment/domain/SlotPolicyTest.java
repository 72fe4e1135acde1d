package org.medicore.appointment.domain;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
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
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId LORD_HOWE = ZoneId.of("Australia/Lord_Howe");
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

    @Test
    void hours_that_start_and_end_inside_the_spring_forward_gap_offer_nothing_there_in_berlin() {
        var schedule = aWeek().working(DayOfWeek.SUNDAY, "02:10", "02:50").working(DayOfWeek.SUNDAY, "06:00", "07:00").build();
        LocalDate springForward = LocalDate.of(2027, 3, 28);

        List<Slot> slots = policy.freeSlots(PRACTITIONER, BERLIN, schedule, AppointmentType.CONSULTATION,
                springForward, springForward, List.of(), LONG_AGO);

        assertThat(offsetStarts(slots, BERLIN)).containsExactly("06:00+02:00", "06:30+02:00");
        assertThat(policy.offers(BERLIN, schedule, AppointmentType.CONSULTATION, Instant.parse("2027-03-28T01:10:00Z"))).isFalse();
    }

    @Test
    void an_end_in_the_gap_clips_to_the_switch_and_a_start_in_the_gap_starts_at_it_in_berlin() {
        var schedule = aWeek().working(DayOfWeek.SUNDAY, "00:00", "02:20").working(DayOfWeek.SUNDAY, "02:40", "05:00").build();
        LocalDate springForward = LocalDate.of(2027, 3, 28);

        List<Slot> slots = policy.freeSlots(PRACTITIONER, BERLIN, schedule, AppointmentType.CONSULTATION,
                springForward, springForward, List.of(), LONG_AGO);

        assertThat(offsetStarts(slots, BERLIN)).containsExactly("00:00+01:00", "00:30+01:00", "01:00+01:00", "01:30+01:00",
                "03:00+02:00", "03:30+02:00", "04:00+02:00", "04:30+02:00");
    }

    @Test
    void an_end_in_the_gap_clips_to_the_switch_and_a_start_in_the_gap_starts_at_it_in_new_york() {
        var schedule = aWeek().working(DayOfWeek.SUNDAY, "00:00", "02:20").working(DayOfWeek.SUNDAY, "02:40", "05:00").build();
        LocalDate springForward = LocalDate.of(2027, 3, 14);

        List<Slot> slots = policy.freeSlots(PRACTITIONER, NEW_YORK, schedule, AppointmentType.CONSULTATION,
                springForward, springForward, List.of(), LONG_AGO);

        assertThat(offsetStarts(slots, NEW_YORK)).containsExactly("00:00-05:00", "00:30-05:00", "01:00-05:00", "01:30-05:00",
                "03:00-04:00", "03:30-04:00", "04:00-04:00", "04:30-04:00");
        assertThat(policy.offers(NEW_YORK, schedule, AppointmentType.CONSULTATION, Instant.parse("2027-03-14T07:10:00Z"))).isFalse();
    }

    @Test
    void the_fall_back_hour_is_offered_in_both_occurrences_in_berlin() {
        var schedule = aWeek().working(DayOfWeek.SUNDAY, "02:00", "03:00").build();
        LocalDate fallBack = LocalDate.of(2027, 10, 31);

        List<Slot> slots = policy.freeSlots(PRACTITIONER, BERLIN, schedule, AppointmentType.CONSULTATION,
                fallBack, fallBack, List.of(), LONG_AGO);

        assertThat(offsetStarts(slots, BERLIN)).containsExactly("02:00+02:00", "02:30+02:00", "02:00+01:00", "02:30+01:00");
    }

    @Test
    void the_fall_back_hour_is_offered_in_both_occurrences_in_new_york() {
        var schedule = aWeek().working(DayOfWeek.SUNDAY, "01:00", "02:00").build();
        LocalDate fallBack = LocalDate.of(2027, 11, 7);

        List<Slot> slots = policy.freeSlots(PRACTITIONER, NEW_YORK, schedule, AppointmentType.CONSULTATION,
                fallBack, fallBack, List.of(), LONG_AGO);

        assertThat(offsetStarts(slots, NEW_YORK)).containsExactly("01:00-04:00", "01:30-04:00", "01:00-05:00", "01:30-05:00");
    }

    @Test
    void lord_howes_half_hour_gap_offers_nothing_inside_it() {
        var schedule = aWeek().working(DayOfWeek.SUNDAY, "01:00", "02:15").working(DayOfWeek.SUNDAY, "02:15", "04:00").build();
        LocalDate springForward = LocalDate.of(2027, 10, 3);

        List<Slot> slots = policy.freeSlots(PRACTITIONER, LORD_HOWE, schedule, AppointmentType.CONSULTATION,
                springForward, springForward, List.of(), LONG_AGO);

        assertThat(offsetStarts(slots, LORD_HOWE)).containsExactly("01:00+10:30", "01:30+10:30",
                "02:30+11:00", "03:00+11:00", "03:30+11:00");
    }

    @Test
    void lord_howes_half_hour_overlap_is_offered_in_both_occurrences() {
        var schedule = aWeek().working(DayOfWeek.SUNDAY, "01:00", "03:00").build();
        LocalDate fallBack = LocalDate.of(2027, 4, 4);

        List<Slot> slots = policy.freeSlots(PRACTITIONER, LORD_HOWE, schedule, AppointmentType.CONSULTATION,
                fallBack, fallBack, List.of(), LONG_AGO);

        assertThat(offsetStarts(slots, LORD_HOWE)).containsExactly("01:00+11:00", "01:30+11:00", "01:30+10:30",
                "02:00+10:30", "02:30+10:30");
    }

    @Test
    void a_break_ending_in_the_gap_ends_at_the_switch() {
        var schedule = aWeek().working(DayOfWeek.SUNDAY, "01:00", "05:00").withBreak("01:30", "02:30").build();
        LocalDate springForward = LocalDate.of(2027, 3, 28);

        List<Slot> slots = policy.freeSlots(PRACTITIONER, BERLIN, schedule, AppointmentType.CONSULTATION,
                springForward, springForward, List.of(), LONG_AGO);

        assertThat(offsetStarts(slots, BERLIN)).containsExactly("01:00+01:00", "03:00+02:00", "03:30+02:00",
                "04:00+02:00", "04:30+02:00");
    }

    /** Local start times with their offset, so the two occurrences of a fall-back hour differ. */
    private static List<String> offsetStarts(List<Slot> slots, ZoneId zone) {
        return slots.stream().map(slot -> slot.period().start().atZone(zone).toOffsetDateTime().toOffsetTime().toString())
                .toList();
    }

    private static List<String> localStarts(List<Slot> slots) {
        return slots.stream().map(slot -> LocalTime.ofInstant(slot.period().start(), BERLIN).toString()).toList();
    }
}
