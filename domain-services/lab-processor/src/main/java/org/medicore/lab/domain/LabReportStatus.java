package org.medicore.lab.domain;

public enum LabReportStatus {
    AWAITING_UPLOAD, UPLOADED, PROCESSING, PROCESSED, REJECTED,
    /** Read, but waiting for a clinician; nothing is attached. */
    NEEDS_REVIEW;

    public boolean isFinal() {
        return this == PROCESSED || this == REJECTED;
    }

    /** Whether the processor is done with the report: final, or held for a clinician's decision. */
    public boolean processingEnded() {
        return isFinal() || this == NEEDS_REVIEW;
    }
}
