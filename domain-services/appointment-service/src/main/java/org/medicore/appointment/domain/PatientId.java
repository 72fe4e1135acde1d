package org.medicore.appointment.domain;

/**
 * A patient's identity. Patients live in patient-service; here a patient is the Keycloak
 * subject of their account, so a PATIENT caller's token subject is their patient id.
 */
public record PatientId(String value) {

    public PatientId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("patient id is required");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
