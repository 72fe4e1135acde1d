package org.medicore.patient.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Domain event: patient-service's part of a patient's erasure is done, so the other services erase theirs.
 * Names the patient only by id, like every patient event.
 */
public record PatientErased(UUID eventId, Instant occurredAt, PatientId patientId, Instant approvedAt) implements PatientEvent {
}
