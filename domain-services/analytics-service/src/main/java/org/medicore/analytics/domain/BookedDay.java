package org.medicore.analytics.domain;

import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** The appointments of one clinic on one day (in the clinic's time zone) that take up practitioners' time, by appointment id. */
public record BookedDay(LocalDate date, Map<String, BookedAppointment> appointments) {

    public BookedDay {
        Objects.requireNonNull(date, "date");
        appointments = Collections.unmodifiableMap(new HashMap<>(appointments));
    }

    public static BookedDay empty(LocalDate date) {
        return new BookedDay(date, Map.of());
    }

    public BookedDay with(String appointmentId, BookedAppointment appointment) {
        Map<String, BookedAppointment> changed = new HashMap<>(appointments);
        changed.put(appointmentId, appointment);
        return new BookedDay(date, changed);
    }

    public BookedDay without(String appointmentId) {
        Map<String, BookedAppointment> changed = new HashMap<>(appointments);
        changed.remove(appointmentId);
        return new BookedDay(date, changed);
    }
}
