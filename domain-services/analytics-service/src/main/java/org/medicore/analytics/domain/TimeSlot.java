package org.medicore.analytics.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** When an appointment takes place: start inclusive, end exclusive. */
public record TimeSlot(Instant start, Instant end) {

    public TimeSlot {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("a slot ends after it starts: " + start + " - " + end);
        }
    }

    public long minutes() {
        return Duration.between(start, end).toMinutes();
    }
}
