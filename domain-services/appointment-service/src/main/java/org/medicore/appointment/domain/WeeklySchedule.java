package org.medicore.appointment.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A practitioner's weekly working pattern, in wall-clock times of the clinic's time zone. */
public record WeeklySchedule(Map<DayOfWeek, DaySchedule> days, Set<LocalDate> daysOff,
                             Map<AppointmentType, Duration> slotLengths) {

    private static final Duration SHORTEST = Duration.ofMinutes(5);
    private static final Duration LONGEST = Duration.ofMinutes(240);

    public WeeklySchedule {
        days = Map.copyOf(days);
        daysOff = Set.copyOf(daysOff);
        slotLengths = Map.copyOf(slotLengths);
        Set<AppointmentType> missing = EnumSet.allOf(AppointmentType.class);
        missing.removeAll(slotLengths.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("slot length missing for " + missing);
        }
        slotLengths.values().forEach(length -> {
            if (!isAllowedSlotLength(length)) {
                throw new IllegalArgumentException("slot length must be 5 to 240 minutes: " + length);
            }
        });
    }

    public static boolean isAllowedSlotLength(Duration length) {
        return length.compareTo(SHORTEST) >= 0 && length.compareTo(LONGEST) <= 0;
    }

    public Optional<DaySchedule> on(LocalDate date) {
        return daysOff.contains(date) ? Optional.empty() : Optional.ofNullable(days.get(date.getDayOfWeek()));
    }

    public Duration slotLength(AppointmentType type) {
        return slotLengths.get(type);
    }
}
