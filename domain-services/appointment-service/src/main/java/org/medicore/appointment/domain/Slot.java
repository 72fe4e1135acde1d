package org.medicore.appointment.domain;

public record Slot(PractitionerId practitionerId, AppointmentType type, TimeRange period) {
}
