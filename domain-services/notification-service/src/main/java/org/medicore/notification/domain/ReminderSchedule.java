package org.medicore.notification.domain;

import java.time.Duration;
import java.util.List;

/** How long before a visit reminders go out (24 h and 2 h by default). */
public record ReminderSchedule(List<Duration> leadTimes) {

    public ReminderSchedule {
        leadTimes = List.copyOf(leadTimes);
        if (leadTimes.stream().anyMatch(lead -> lead.isNegative() || lead.isZero())) {
            throw new IllegalArgumentException("reminder lead times must be positive: " + leadTimes);
        }
    }
}
