package org.medicore.appointment.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * How far ahead the clinic plans: nothing is booked or moved to a start beyond it, slots are
 * searched within it (either side of today), and a change of working hours looks this far
 * ahead for bookings it leaves outside. One length for all three, so no booking can lie where
 * a conflict check does not look.
 */
public record BookingHorizon(Duration length) {

    public static final LocalDate EARLIEST_DAY = LocalDate.of(1900, 1, 1);

    public BookingHorizon {
        Objects.requireNonNull(length, "length");
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("a booking horizon is positive: " + length);
        }
    }

    public boolean reaches(Instant start, Instant now) {
        return !start.isAfter(now.plus(length));
    }

    /** Whether a day of a slot search lies within the horizon either side of {@code today}. */
    public boolean covers(LocalDate day, LocalDate today) {
        long days = length.toDays();
        return !day.isBefore(today.minusDays(days)) && !day.isAfter(today.plusDays(days));
    }

    /**
     * Whether a day can hold appointments to look at: not after the horizon, and not before the
     * oldest day a calendar of ours shows (far-off dates only make the database's range fail).
     */
    public boolean mayHoldAppointments(LocalDate day, LocalDate today) {
        return !day.isBefore(EARLIEST_DAY) && !day.isAfter(today.plusDays(length.toDays()));
    }

    public TimeRange ahead(Instant now) {
        return TimeRange.of(now, length);
    }

    /** For messages: "365 days". */
    public String describe() {
        return length.toDays() + " days";
    }
}
