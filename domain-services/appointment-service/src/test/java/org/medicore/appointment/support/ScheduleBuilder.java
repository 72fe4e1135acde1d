package org.medicore.appointment.support;

import org.medicore.appointment.domain.AppointmentType;
import org.medicore.appointment.domain.DaySchedule;
import org.medicore.appointment.domain.LocalTimeInterval;
import org.medicore.appointment.domain.WeeklySchedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code aWeek().workingWeekdays("08:00", "12:00").withBreak("10:00", "10:30").build()} */
public final class ScheduleBuilder {

    private final Map<DayOfWeek, List<LocalTimeInterval>> intervals = new EnumMap<>(DayOfWeek.class);
    private final Map<DayOfWeek, List<LocalTimeInterval>> breaks = new EnumMap<>(DayOfWeek.class);
    private final Set<LocalDate> daysOff = new HashSet<>();
    private final Map<AppointmentType, Duration> slotLengths = new EnumMap<>(Map.of(
            AppointmentType.CONSULTATION, Duration.ofMinutes(30),
            AppointmentType.FOLLOW_UP, Duration.ofMinutes(15),
            AppointmentType.LAB_VISIT, Duration.ofMinutes(10)));

    public static ScheduleBuilder aWeek() {
        return new ScheduleBuilder();
    }

    public ScheduleBuilder working(DayOfWeek day, String from, String to) {
        intervals.computeIfAbsent(day, d -> new ArrayList<>()).add(interval(from, to));
        return this;
    }

    public ScheduleBuilder workingWeekdays(String from, String to) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                working(day, from, to);
            }
        }
        return this;
    }

    public ScheduleBuilder withBreak(String from, String to) {
        intervals.keySet().forEach(day -> breaks.computeIfAbsent(day, d -> new ArrayList<>()).add(interval(from, to)));
        return this;
    }

    public ScheduleBuilder off(LocalDate day) {
        daysOff.add(day);
        return this;
    }

    public ScheduleBuilder slotsOf(AppointmentType type, int minutes) {
        slotLengths.put(type, Duration.ofMinutes(minutes));
        return this;
    }

    public WeeklySchedule build() {
        Map<DayOfWeek, DaySchedule> days = new EnumMap<>(DayOfWeek.class);
        intervals.forEach((day, list) -> days.put(day, new DaySchedule(list, breaks.getOrDefault(day, List.of()))));
        return new WeeklySchedule(days, daysOff, slotLengths);
    }

    private static LocalTimeInterval interval(String from, String to) {
        return new LocalTimeInterval(LocalTime.parse(from), LocalTime.parse(to));
    }
}
