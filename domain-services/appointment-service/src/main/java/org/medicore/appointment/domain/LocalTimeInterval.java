package org.medicore.appointment.domain;

import java.time.LocalTime;
import java.util.Objects;

/** A wall-clock interval within one day, [start, end), in the clinic time zone. */
public record LocalTimeInterval(LocalTime start, LocalTime end) {

    public LocalTimeInterval {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end " + end + " must be after start " + start);
        }
    }

    public boolean overlaps(LocalTimeInterval other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    public boolean contains(LocalTimeInterval other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }
}
