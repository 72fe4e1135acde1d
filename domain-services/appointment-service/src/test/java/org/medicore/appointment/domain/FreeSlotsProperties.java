package org.medicore.appointment.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.appointment.support.ScheduleBuilder.aWeek;

/** The free slots are the grid's slots that meet no taken period, whatever the taken periods are. */
class FreeSlotsProperties {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate MONDAY = LocalDate.of(2026, 10, 19);
    private static final Instant WEEK_START = MONDAY.atStartOfDay(BERLIN).toInstant();

    private final SlotPolicy policy = new SlotPolicy();
    private final PractitionerId practitioner = new PractitionerId(UUID.randomUUID());
    private final WeeklySchedule schedule = aWeek().workingWeekdays("08:00", "18:00").withBreak("12:00", "12:45").build();

    @Property(tries = 300)
    void a_slot_is_free_exactly_when_no_taken_period_meets_it(@ForAll("periods") List<TimeRange> taken) {
        // the week spans the change back to winter time (25 October), so one day has 25 hours
        LocalDate sunday = MONDAY.plusDays(6);
        List<Slot> grid = policy.freeSlots(practitioner, BERLIN, schedule, AppointmentType.CONSULTATION, MONDAY, sunday,
                List.of(), WEEK_START);

        List<Slot> free = policy.freeSlots(practitioner, BERLIN, schedule, AppointmentType.CONSULTATION, MONDAY, sunday,
                taken, WEEK_START);

        assertThat(free).containsExactlyElementsOf(grid.stream()
                .filter(slot -> taken.stream().noneMatch(period -> period.overlaps(slot.period()))).toList());
    }

    /** Periods anywhere in the week, of any length from a minute to a day, overlapping one another or not. */
    @Provide
    Arbitrary<List<TimeRange>> periods() {
        Arbitrary<TimeRange> period = Combinators.combine(
                Arbitraries.longs().between(-60, 8 * 24 * 60),
                Arbitraries.longs().between(1, 24 * 60)
        ).as((startMinute, minutes) -> TimeRange.of(WEEK_START.plus(Duration.ofMinutes(startMinute)), Duration.ofMinutes(minutes)));
        return period.list().ofMaxSize(60);
    }
}
