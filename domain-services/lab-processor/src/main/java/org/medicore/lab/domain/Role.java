package org.medicore.lab.domain;

/** The realm roles a caller of the lab-processor can hold, and SYSTEM for what reaches it without a caller (a file a lab drops in the bucket). */
public enum Role {
    PATIENT, DOCTOR, BILLING, ADMIN, SYSTEM
}
