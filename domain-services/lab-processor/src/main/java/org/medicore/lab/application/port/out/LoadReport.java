package org.medicore.lab.application.port.out;

import org.medicore.lab.domain.LabReport;
import org.medicore.lab.domain.ReportPage;

import java.util.Optional;

public interface LoadReport {

    Optional<LabReport> load(String reportId);

    /** The patient's reports newest first, {@code size} at most, after {@code pageToken}; empty when the token is not one it gave out. */
    Optional<ReportPage> reportsOf(String patientId, int size, String pageToken);

    /** Reports in NEEDS_REVIEW oldest held first, {@code size} at most, after {@code pageToken}; empty for a foreign token. */
    Optional<ReportPage> heldForReview(int size, String pageToken);
}
