package org.medicore.lab.domain;

public enum RejectionReason {
    NOT_A_PDF, TOO_LARGE, SIZE_MISMATCH, UNREADABLE, NO_RESULTS_FOUND, UPLOAD_EXPIRED, TOO_MANY_PAGES, READING_TIMED_OUT,
    /** A clinician rejected a report held for review; the detail is their reason. */
    REJECTED_IN_REVIEW
}
