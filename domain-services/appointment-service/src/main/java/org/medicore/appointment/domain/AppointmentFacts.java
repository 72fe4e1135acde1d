package org.medicore.appointment.domain;

/** What every appointment event carries so its consumers need not call back. */
public record AppointmentFacts(AppointmentId appointmentId, PatientId patientId, PractitionerRef practitioner,
                               AppointmentType type, TimeRange period) {
}
