package org.medicore.patient.domain;

import java.time.Instant;
import java.util.UUID;

/** Domain event: a patient was registered. Carries no demographics. */
public record PatientRegistered(UUID eventId, Instant occurredAt, PatientId patientId, String registeredAtClinicId,
                                boolean hasPortalAccount) implements PatientEvent {
}
