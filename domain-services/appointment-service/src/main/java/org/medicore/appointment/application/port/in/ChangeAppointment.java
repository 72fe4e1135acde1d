package org.medicore.appointment.application.port.in;

import org.medicore.appointment.domain.Appointment;
import org.medicore.appointment.domain.AppointmentAccess;
import org.medicore.appointment.domain.AppointmentId;
import org.medicore.appointment.domain.Caller;
import org.medicore.appointment.domain.CancellingParty;
import org.medicore.support.port.Outcome;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The life-cycle changes of a booked appointment. {@code expectedVersion} 0 skips the version check. */
public interface ChangeAppointment {

    Outcome<Appointment> cancel(Caller caller, Cancel command);

    Outcome<Appointment> reschedule(Caller caller, Reschedule command);

    Outcome<Appointment> checkIn(Caller caller, AppointmentId id, long expectedVersion);

    Outcome<Appointment> complete(Caller caller, AppointmentId id, long expectedVersion);

    Outcome<Appointment> markNoShow(Caller caller, AppointmentId id, long expectedVersion);

    /** {@code cancelledBy} empty: the party follows from the caller's role ({@link AppointmentAccess#partyOf}). */
    record Cancel(AppointmentId id, long expectedVersion, Optional<CancellingParty> cancelledBy, String reason) {
        public Cancel {
            Objects.requireNonNull(id, "appointment id");
            Objects.requireNonNull(cancelledBy, "cancelled by");
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a reason is required");
            }
        }
    }

    record Reschedule(AppointmentId id, long expectedVersion, Instant newStart) {
        public Reschedule {
            Objects.requireNonNull(id, "appointment id");
            Objects.requireNonNull(newStart, "new start");
        }
    }
}
