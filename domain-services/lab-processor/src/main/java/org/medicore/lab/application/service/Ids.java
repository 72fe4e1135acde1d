package org.medicore.lab.application.service;

import org.medicore.lab.application.port.in.Outcome;
import org.medicore.lab.application.port.in.Refusal;
import org.medicore.support.port.Uuids;

import java.util.List;

/** The ids callers send: reports and patients are UUIDs, checked before any look-up. */
final class Ids {

    private Ids() {
    }

    static boolean isUuid(String value) {
        return Uuids.isUuid(value);
    }

    /** Refused without repeating the id: a caller may send any length. */
    static <T> Outcome<T> notAReportId() {
        return Outcome.refused(new Refusal.InvalidRequest(List.of(
                new Refusal.FieldViolation("report_id", "must be a report id (UUID)"))));
    }
}
