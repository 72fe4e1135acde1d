package org.medicore.appointment.application.port.out;

import org.medicore.appointment.domain.AppointmentId;

import java.time.Instant;
import java.util.Optional;

/** Booking requests by (caller, idempotency key), so that a retry returns the first result. */
public interface RememberBookingRequests {

    Optional<BookingRequest> bookingRequest(String callerSubject, String idempotencyKey);

    /** False when the key was taken meanwhile by a concurrent request. */
    boolean remember(String callerSubject, String idempotencyKey, BookingRequest request, Instant at);

    record BookingRequest(String fingerprint, AppointmentId appointmentId) {
    }
}
