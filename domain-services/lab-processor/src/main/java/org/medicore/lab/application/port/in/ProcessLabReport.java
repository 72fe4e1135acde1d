package org.medicore.lab.application.port.in;

import org.medicore.lab.domain.LabReport;

import java.util.Optional;

/**
 * Reads an uploaded report and attaches its results, or rejects it. Both triggers drive it:
 * the S3 event (Lambda) in the cloud and {@link ConfirmUpload} on one machine. Processing a
 * report that is already final returns it unchanged.
 */
public interface ProcessLabReport {

    /** The report after processing; empty for an unknown report. */
    Optional<LabReport> process(String reportId);
}
