package org.medicore.lab.domain;

/** The realm roles a caller of the lab-processor can hold. */
public enum Role {
    PATIENT, DOCTOR, BILLING, ADMIN
}
