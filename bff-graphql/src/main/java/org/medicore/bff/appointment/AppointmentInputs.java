package org.medicore.bff.appointment;

import java.time.Instant;

/** The scheduling feature's GraphQL inputs. */
final class AppointmentInputs {

    private AppointmentInputs() {
    }

    record BookAppointmentInput(String patientId, String practitionerId, Instant start, String appointmentType,
                                String reason, String idempotencyKey) {
    }

    record CancelAppointmentInput(String appointmentId, Long expectedVersion, String cancelledBy, String reason) {
    }

    record RescheduleAppointmentInput(String appointmentId, Long expectedVersion, Instant newStart) {
    }

    record AppointmentChangeInput(String appointmentId, Long expectedVersion) {
    }
}
