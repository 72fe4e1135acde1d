package org.medicore.lab.application.port.in;

import java.time.Instant;

/** A short-lived link to a report's original PDF, and what the caller needs to present it. */
public record ReportDownload(String reportId, String patientId, String fileName, long sizeBytes, String url,
                             Instant expiresAt) {
}
