package org.medicore.patient.domain;

import java.time.DateTimeException;
import java.time.LocalDate;

/** A calendar date known perhaps only to the month ({@code day} 0) or the year ({@code month} and {@code day} 0). */
public record PartialDate(int year, int month, int day) {

    /** A valid partial date, or a violation named {@code path}. */
    public static PartialDate of(String path, int year, int month, int day) {
        boolean valid = year >= 1 && year <= 9999 && month >= 0 && month <= 12 && day >= 0 && (day == 0 || month > 0);
        if (valid && day > 0) {
            try {
                LocalDate.of(year, month, day);
            } catch (DateTimeException impossible) {
                valid = false;
            }
        }
        if (!valid) {
            new Violations().add(path, "must be a date; day, or month and day, may be 0 when unknown").throwIfAny();
        }
        return new PartialDate(year, month, day);
    }
}
