package org.medicore.patient.domain;

/** Realm roles of the Keycloak realm medicore that matter to patient records. */
public enum Role {
    PATIENT, DOCTOR, BILLING, ADMIN
}
