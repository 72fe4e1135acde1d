package org.medicore.appointment.domain;

import java.util.Comparator;
import java.util.List;

/** Working intervals and the breaks inside them on one day of the week. */
public record DaySchedule(List<LocalTimeInterval> intervals, List<LocalTimeInterval> breaks) {

    public DaySchedule {
        intervals = intervals.stream().sorted(Comparator.comparing(LocalTimeInterval::start)).toList();
        breaks = breaks.stream().sorted(Comparator.comparing(LocalTimeInterval::start)).toList();
        for (int i = 1; i < intervals.size(); i++) {
            if (intervals.get(i - 1).overlaps(intervals.get(i))) {
                throw new IllegalArgumentException("working intervals overlap: " + intervals.get(i - 1) + ", " + intervals.get(i));
            }
        }
        for (LocalTimeInterval pause : breaks) {
            if (intervals.stream().noneMatch(interval -> interval.contains(pause))) {
                throw new IllegalArgumentException("break outside the working intervals: " + pause);
            }
        }
    }
}
