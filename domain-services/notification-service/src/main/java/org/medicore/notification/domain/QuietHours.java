package org.medicore.notification.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * The wall-clock hours, in the patient's zone, in which nothing that can wait is sent: from
 * {@code start} (inclusive) to {@code end} (exclusive), over midnight when start is after end.
 * Equal start and end mean no quiet hours.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public static final QuietHours NIGHT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    public boolean covers(LocalTime time) {
        if (start.equals(end)) {
            return false;
        }
        return start.isBefore(end)
                ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    public boolean covers(Instant instant, ZoneId zone) {
        return covers(instant.atZone(zone).toLocalTime());
    }

    /** The first moment at or after {@code due} outside quiet hours in {@code zone}. */
    public Instant earliestFrom(Instant due, ZoneId zone) {
        Instant candidate = due;
        // A window whose end falls in a DST gap ends at the first local time after the gap,
        // which may fall in a neighbouring window of an odd (near 24 h) setting: look again.
        for (int round = 0; round < 3 && covers(candidate, zone); round++) {
            candidate = endOfWindowAround(candidate, zone);
        }
        return candidate;
    }

    /**
     * When to send a reminder meant for {@code due} before a visit at {@code visit}: the first
     * moment out of quiet hours; if waiting for the morning would pass the visit, the last moment
     * before the night began instead. Empty when that moment is already past at {@code now}.
     */
    public Optional<Instant> reminderTime(Instant due, Instant visit, Instant now, ZoneId zone) {
        if (due.isBefore(now)) {
            return Optional.empty();
        }
        Instant morning = earliestFrom(due, zone);
        if (morning.isBefore(visit)) {
            return Optional.of(morning);
        }
        Instant evening = startOfWindowAround(due, zone).minusSeconds(60);
        return evening.isBefore(now) || covers(evening, zone) ? Optional.empty() : Optional.of(evening);
    }

    private Instant endOfWindowAround(Instant covered, ZoneId zone) {
        ZonedDateTime local = covered.atZone(zone);
        LocalDate day = local.toLocalTime().isBefore(end) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        ZonedDateTime windowEnd = ZonedDateTime.of(day, end, zone);
        if (!windowEnd.toInstant().isAfter(covered)) {
            // the second pass of a repeated hour (DST ends): the window ends at its later occurrence
            windowEnd = windowEnd.withLaterOffsetAtOverlap();
        }
        return windowEnd.toInstant();
    }

    private Instant startOfWindowAround(Instant covered, ZoneId zone) {
        ZonedDateTime local = covered.atZone(zone);
        boolean startedTheDayBefore = start.isAfter(end) && local.toLocalTime().isBefore(end);
        LocalDate day = startedTheDayBefore ? local.toLocalDate().minusDays(1) : local.toLocalDate();
        return ZonedDateTime.of(day, start, zone).withEarlierOffsetAtOverlap().toInstant();
    }
}
