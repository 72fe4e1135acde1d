package org.medicore.analytics.domain;

/** An appointment that takes up a practitioner's time: booked, checked in or completed. */
public record BookedAppointment(String practitionerId, String department, TimeSlot slot) {
}
