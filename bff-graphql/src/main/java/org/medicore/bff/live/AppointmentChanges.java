package org.medicore.bff.live;

import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import org.medicore.bff.graphql.ProtoValues;
import org.medicore.bff.live.LiveController.AppointmentChange;
import org.medicore.contracts.events.v2.AppointmentBooked;
import org.medicore.contracts.events.v2.AppointmentCancelled;
import org.medicore.contracts.events.v2.AppointmentCompleted;
import org.medicore.contracts.events.v2.AppointmentFacts;
import org.medicore.contracts.events.v2.AppointmentNoShow;
import org.medicore.contracts.events.v2.AppointmentOutsideWorkingHours;
import org.medicore.contracts.events.v2.AppointmentRescheduled;

import java.util.Optional;

/**
 * An appointment event (medicore.events.v2, as {@link LiveEvents} reads either version) as the
 * change a schedule shows: its facts are the appointment now, its kind the event's name.
 */
final class AppointmentChanges {

    private AppointmentChanges() {
    }

    /** The change an appointment event tells of; empty for any other event. */
    static Optional<AppointmentChange> of(Message event) {
        return Optional.ofNullable(switch (event) {
            case AppointmentBooked e -> change("BOOKED", e.getAppointment(), e.getOccurredAt());
            case AppointmentCancelled e -> change("CANCELLED", e.getAppointment(), e.getOccurredAt());
            case AppointmentRescheduled e -> change("RESCHEDULED", e.getAppointment(), e.getOccurredAt());
            case AppointmentCompleted e -> change("COMPLETED", e.getAppointment(), e.getOccurredAt());
            case AppointmentNoShow e -> change("NOSHOW", e.getAppointment(), e.getOccurredAt());
            case AppointmentOutsideWorkingHours e -> change("OUTSIDEWORKINGHOURS", e.getAppointment(), e.getOccurredAt());
            default -> null;
        });
    }

    private static AppointmentChange change(String kind, AppointmentFacts appointment, Timestamp occurredAt) {
        return new AppointmentChange(appointment.getAppointmentId(), appointment.getPractitionerId(), appointment.getPatientId(),
                kind, appointment.getStart(), appointment.getEnd(), ProtoValues.orNull(occurredAt));
    }
}
