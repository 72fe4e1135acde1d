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

    record Rejected(UUID eventId, Instant occurredAt, String reportId, String patientId, Rejection rejection,
                    String uploadedBySubject) implements LabReportEvent {
    }
}
