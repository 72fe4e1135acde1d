package org.medicore.patient.domain;

import java.util.UUID;

public record PatientId(String value) {

    public PatientId {
        new Violations().uuid("patient_id", value).throwIfAny();
    }

    public static PatientId random() {
        return new PatientId(UUID.randomUUID().toString());
    }

    /**
     * A patient with a portal account is known by the account's Keycloak subject in every
     * service, so appointments and invoices can check ownership from the token alone; a patient
     * without an account gets a random id.
     */
    public static PatientId forAccount(java.util.Optional<String> keycloakSubject) {
        return keycloakSubject.filter(PatientId::isUuid).map(PatientId::new).orElseGet(PatientId::random);
    }

    private static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equals(value.toLowerCase());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
