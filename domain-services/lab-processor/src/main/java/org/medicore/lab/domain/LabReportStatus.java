package org.medicore.lab.domain;

public enum LabReportStatus {
    AWAITING_UPLOAD, UPLOADED, PROCESSING, PROCESSED, REJECTED;

    public boolean isFinal() {
        return this == PROCESSED || this == REJECTED;
    }
}
