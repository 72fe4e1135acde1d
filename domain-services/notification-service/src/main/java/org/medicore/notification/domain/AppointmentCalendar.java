package org.medicore.notification.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/**
 * The calendar entry a patient holds for an appointment (RFC 5545: UID = appointment id). Each
 * change the patient is told of raises the sequence, so calendar programs replace the entry
 * instead of adding a second.
 */
public record AppointmentCalendar(UUID appointmentId, UUID patientId, ZoneId practitionerZone, int sequence,
                                  Instant start, Instant end, boolean cancelled) {

    public AppointmentCalendar {
        Objects.requireNonNull(appointmentId, "appointmentId");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(practitionerZone, "practitionerZone");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    public static AppointmentCalendar booked(UUID appointmentId, UUID patientId, ZoneId practitionerZone,
                                             Instant start, Instant end) {
        return new AppointmentCalendar(appointmentId, patientId, practitionerZone, 0, start, end, false);
    }

    public AppointmentCalendar movedTo(Instant newStart, Instant newEnd) {
        return new AppointmentCalendar(appointmentId, patientId, practitionerZone, sequence + 1, newStart, newEnd, false);
    }

    public AppointmentCalendar cancel() {
        return new AppointmentCalendar(appointmentId, patientId, practitionerZone, sequence + 1, start, end, true);
    }

    public MessageContent.AppointmentDetails details() {
        return new MessageContent.AppointmentDetails(appointmentId, start, end, practitionerZone, sequence);
    }
}
