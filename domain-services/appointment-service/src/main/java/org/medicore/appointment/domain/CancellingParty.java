package org.medicore.appointment.domain;

public enum CancellingParty {
    PATIENT, PRACTITIONER, CLINIC, SYSTEM
}
