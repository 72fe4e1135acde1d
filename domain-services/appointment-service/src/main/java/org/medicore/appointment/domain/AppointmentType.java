package org.medicore.appointment.domain;

public enum AppointmentType {
    CONSULTATION, FOLLOW_UP, LAB_VISIT
}
