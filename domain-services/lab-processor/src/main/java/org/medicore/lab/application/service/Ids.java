package org.medicore.lab.application.service;

import org.medicore.lab.application.port.in.Outcome;
import org.medicore.lab.application.port.in.Refusal;

import java.util.List;
import java.util.UUID;

/** The ids callers send: reports and patients are UUIDs, checked before any look-up. */
final class Ids {

    private Ids() {
    }

    static boolean isUuid(String value) {
        try {
            return value != null && value.length() == 36 && UUID.fromString(value).toString().equals(value.toLowerCase());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Refused without repeating the id: a caller may send any length. */
    static <T> Outcome<T> notAReportId() {
        return Outcome.refused(new Refusal.InvalidRequest(List.of(
                new Refusal.FieldViolation("report_id", "must be a report id (UUID)"))));
    }
}
