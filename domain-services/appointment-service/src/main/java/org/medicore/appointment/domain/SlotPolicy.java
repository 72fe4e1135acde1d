package org.medicore.appointment.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which slots a practitioner offers: each working interval is cut into back-to-back slots of
 * the type's length from its start, measured in elapsed time, so a daylight-saving change
 * inside an interval shortens or lengthens that interval, never a slot. Wall-clock times that
 * a spring-forward gap skips are the switch instant ({@link #instant}). Slots touching a
 * break, a taken period or the past are not offered.
 */
public final class SlotPolicy {

    public List<Slot> freeSlots(PractitionerId practitioner, ZoneId zone, WeeklySchedule schedule, AppointmentType type,
                                LocalDate from, LocalDate to, Collection<TimeRange> taken, Instant now) {
        List<Slot> slots = new ArrayList<>();
        TakenTimes takenTimes = new TakenTimes(taken);
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            for (TimeRange period : gridOn(zone, schedule, type, date)) {
                if (!period.start().isBefore(now) && !takenTimes.meet(period)) {
                    slots.add(new Slot(practitioner, type, period));
                }
            }
        }
        return slots;
    }

    /** Whether {@code start} begins a slot of the type on the practitioner's grid (hours, breaks, days off). */
    public boolean offers(ZoneId zone, WeeklySchedule schedule, AppointmentType type, Instant start) {
        LocalDate date = start.atZone(zone).toLocalDate();
        return gridOn(zone, schedule, type, date).stream().anyMatch(period -> period.start().equals(start));
    }

    private static List<TimeRange> gridOn(ZoneId zone, WeeklySchedule schedule, AppointmentType type, LocalDate date) {
        Duration length = schedule.slotLength(type);
        return schedule.on(date).map(day -> {
            List<TimeRange> breaks = day.breaks().stream().flatMap(pause -> toInstants(date, pause, zone).stream()).toList();
            List<TimeRange> grid = new ArrayList<>();
            for (LocalTimeInterval interval : day.intervals()) {
                Optional<TimeRange> inInstants = toInstants(date, interval, zone);
                if (inInstants.isEmpty()) {
                    continue;
                }
                TimeRange working = inInstants.get();
                for (Instant start = working.start(); !start.plus(length).isAfter(working.end()); start = start.plus(length)) {
                    TimeRange slot = TimeRange.of(start, length);
                    if (breaks.stream().noneMatch(slot::overlaps)) {
                        grid.add(slot);
                    }
                }
            }
            return grid;
        }).orElse(List.of());
    }

    /** Empty when the whole interval falls into a daylight-saving gap. */
    private static Optional<TimeRange> toInstants(LocalDate date, LocalTimeInterval interval, ZoneId zone) {
        Instant start = instant(date, interval.start(), zone);
        Instant end = instant(date, interval.end(), zone);
        return end.isAfter(start) ? Optional.of(new TimeRange(start, end)) : Optional.empty();
    }

    /**
     * The instant of a wall-clock time. A time inside a spring-forward gap does not exist: it
     * stands for the switch instant, so a start in the gap starts at it and an end in the gap
     * ends at it (never an hour later, as {@code atZone} would shift it). A time in the fall-back
     * overlap is its earlier occurrence, so an interval over the overlap holds both.
     */
    private static Instant instant(LocalDate date, LocalTime time, ZoneId zone) {
        LocalDateTime wallClock = date.atTime(time);
        ZoneOffsetTransition transition = zone.getRules().getTransition(wallClock);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        return wallClock.atZone(zone).toInstant();
    }

    /**
     * The taken periods ordered by start, with the latest end among each one and those before it:
     * whether a slot meets any of them is then one binary search instead of a walk through all of
     * them (a busy practitioner's week is a thousand slots against a thousand bookings).
     */
    private static final class TakenTimes {

        private final Instant[] starts;
        private final Instant[] latestEndSoFar;

        TakenTimes(Collection<TimeRange> taken) {
            List<TimeRange> byStart = taken.stream().sorted(Comparator.comparing(TimeRange::start)).toList();
            starts = new Instant[byStart.size()];
            latestEndSoFar = new Instant[byStart.size()];
            for (int i = 0; i < starts.length; i++) {
                starts[i] = byStart.get(i).start();
                Instant end = byStart.get(i).end();
                latestEndSoFar[i] = i == 0 || end.isAfter(latestEndSoFar[i - 1]) ? end : latestEndSoFar[i - 1];
            }
        }

        /** A taken period starts before the slot ends and ends after it starts. */
        boolean meet(TimeRange slot) {
            int startingBeforeItsEnd = startsBefore(slot.end());
            return startingBeforeItsEnd > 0 && latestEndSoFar[startingBeforeItsEnd - 1].isAfter(slot.start());
        }

        private int startsBefore(Instant instant) {
            int low = 0;
            int high = starts.length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (starts[middle].isBefore(instant)) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }
    }
}
