package org.medicore.lab.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What happened to a lab report, for the outbox and the labs topic. */
public sealed interface LabReportEvent {

    UUID eventId();

    Instant occurredAt();

    String reportId();

    record Processed(UUID eventId, Instant occurredAt, String reportId, String patientId, int resultCount,
                     int abnormalCount, int criticalCount, List<String> resultIds) implements LabReportEvent {

        public Processed {
            resultIds = List.copyOf(resultIds);
        }
    }

    /** Read but held for a clinician; nothing attached. */
    record Held(UUID eventId, Instant occurredAt, String reportId, String patientId, List<ReviewFinding> findings,
                int valueCount, int criticalCount, String uploadedBySubject) implements LabReportEvent {

        public Held {
            findings = List.copyOf(findings);
        }
    }

    record Rejected(UUID eventId, Instant occurredAt, String reportId, String patientId, Rejection rejection,
                    String uploadedBySubject) implements LabReportEvent {
    }
}
