package org.medicore.lab.domain;

/**
 * Something a clinician must look at before a report's results may reach the patient record:
 * {@code line} is the report's line as printed (empty for the whole report), {@code reason} a
 * sentence for the clinician.
 */
public record ReviewFinding(Kind kind, String line, String reason) {

    public enum Kind {
        /** A line of the results region looks like a result but was not read. */
        UNREAD_LINE,
        /** The flag printed on the report disagrees with the one computed from its range. */
        FLAG_DISAGREES,
        /** A value past a panic limit. */
        CRITICAL_VALUE,
        /** The identity printed is not the patient the report was uploaded for. */
        PATIENT_MISMATCH,
        /** The report prints no identity to compare with the record. */
        NO_IDENTITY
    }

    public static ReviewFinding aboutReport(Kind kind, String reason) {
        return new ReviewFinding(kind, "", reason);
    }
}
