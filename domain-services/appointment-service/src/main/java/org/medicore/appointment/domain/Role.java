package org.medicore.appointment.domain;

public enum Role {
    PATIENT, DOCTOR, BILLING, ADMIN, SYSTEM
}
