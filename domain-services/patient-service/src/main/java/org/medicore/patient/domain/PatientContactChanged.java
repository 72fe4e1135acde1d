package org.medicore.patient.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Domain event: the patient's e-mail address, phone number or preferred language changed. Carries no
 * contact details: whoever sends to them reads the current ones.
 */
public record PatientContactChanged(UUID eventId, Instant occurredAt, PatientId patientId) implements PatientEvent {
}
