package org.medicore.fhir.web;

import com.google.protobuf.Timestamp;
import org.medicore.contracts.appointment.v1.Appointment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The days a FHIR {@code date} search asks for, as instants: {@code eq}, {@code ge}, {@code gt},
 * {@code le}, {@code lt} with a day ({@code ge2026-04-01}); several combine with AND. An appointment is
 * within when its start is.
 */
record Days(Instant from, Instant until) {

    private static final Pattern PREFIXED = Pattern.compile("[a-z]{2}\\d.*");

    static Days of(List<String> given, ZoneId zone) {
        return of("date", given, zone);
    }

    /** The days of the search parameter {@code parameter}, named when refused. */
    static Days of(String parameter, List<String> given, ZoneId zone) {
        Instant from = Instant.MIN;
        Instant until = Instant.MAX;
        for (String value : given) {
            boolean prefixed = PREFIXED.matcher(value).matches();
            String prefix = prefixed ? value.substring(0, 2) : "eq";
            LocalDate day = day(parameter, prefixed ? value.substring(2) : value);
            Instant start = day.atStartOfDay(zone).toInstant();
            Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
            switch (prefix) {
                case "eq" -> {
                    from = later(from, start);
                    until = earlier(until, end);
                }
                case "ge" -> from = later(from, start);
                case "gt" -> from = later(from, end);
                case "lt" -> until = earlier(until, start);
                case "le" -> until = earlier(until, end);
                default -> throw new InvalidSearch(parameter, parameter + " takes eq, ge, gt, le or lt before a day, e.g. ge2026-04-01");
            }
        }
        return new Days(from, until);
    }

    boolean all() {
        return from.equals(Instant.MIN) && until.equals(Instant.MAX);
    }

    boolean contain(Appointment appointment) {
        Instant start = instant(appointment.getStart());
        return !start.isBefore(from) && start.isBefore(until);
    }

    /** Whether an appointment (of a list latest first) starts before the range: later pages can't hold any within. */
    boolean endBefore(Appointment earliestOfPage) {
        return instant(earliestOfPage.getStart()).isBefore(from);
    }

    private static LocalDate day(String parameter, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException notADay) {
            throw new InvalidSearch(parameter, parameter + " is searched by day, e.g. " + parameter + "=2026-04-01 or "
                    + parameter + "=ge2026-04-01");
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }
}
