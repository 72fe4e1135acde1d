package org.medicore.analytics.adapter.in.kafka;

import java.time.LocalDate;

/** The key of a clinic's booked day in its store: {@code <clinic id>/<date>}. */
final class BookedDayKey {

    private BookedDayKey() {
    }

    static String of(String clinicId, LocalDate date) {
        return clinicId + "/" + date;
    }

    static LocalDate dateOf(String key) {
        return LocalDate.parse(key.substring(key.lastIndexOf('/') + 1));
    }
}
