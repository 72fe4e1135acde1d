package org.medicore.lab.domain;

import java.time.Instant;

/** A result as the patient record holds it, with the id patient-service gave it. */
public record AttachedResult(String id, String patientId, String sourceReportId, LabValue value,
                             Instant observedAt, Instant recordedAt) {
}
