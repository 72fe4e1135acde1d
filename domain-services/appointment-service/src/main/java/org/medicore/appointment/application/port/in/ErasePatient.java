package org.medicore.appointment.application.port.in;

import org.medicore.appointment.domain.PatientId;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * patient-service erased a patient at their request (GDPR art. 17): their appointments ahead are
 * cancelled and what here may name them goes, in one transaction. Erasing twice changes nothing more.
 */
public interface ErasePatient {

    Erased erase(Command command);

    /** {@code eventId}: the PatientErased event that asked for it, for the log. */
    record Command(UUID eventId, PatientId patientId, Instant approvedAt) {
        public Command {
            Objects.requireNonNull(eventId, "event id");
            Objects.requireNonNull(patientId, "patient id");
            Objects.requireNonNull(approvedAt, "approved at");
        }
    }

    /** How much was changed: all zero for a patient erased before, or one this service never saw. */
    record Erased(int cancelled, int changed, int forgottenBookingRequests, int forgottenEvents) {
    }
}
