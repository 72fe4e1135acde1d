package org.medicore.appointment.application.port.in;

import org.medicore.appointment.domain.Appointment;
import org.medicore.appointment.domain.AppointmentType;
import org.medicore.appointment.domain.Caller;
import org.medicore.appointment.domain.PatientId;
import org.medicore.appointment.domain.PractitionerId;
import org.medicore.support.port.Outcome;

import java.time.Instant;
import java.util.Objects;

public interface BookAppointment {

    Outcome<Appointment> book(Caller caller, Command command);

    record Command(String idempotencyKey, PatientId patientId, PractitionerId practitionerId, Instant start,
                   AppointmentType type, String reason) {

        public Command {
            if (idempotencyKey == null || idempotencyKey.isBlank()) {
                throw new IllegalArgumentException("an idempotency key is required");
            }
            Objects.requireNonNull(patientId, "patient id");
            Objects.requireNonNull(practitionerId, "practitioner id");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(type, "appointment type");
            reason = Objects.requireNonNullElse(reason, "");
            if (reason.codePointCount(0, reason.length()) > Appointment.REASON_MAX_LENGTH) {
                throw new IllegalArgumentException("reason longer than " + Appointment.REASON_MAX_LENGTH + " characters");
            }
        }

        /** What makes two requests "the same" for idempotency: everything but the key. */
        public String fingerprint() {
            return String.join("|", patientId.value(), practitionerId.toString(), start.toString(), type.name(), reason);
        }
    }
}
