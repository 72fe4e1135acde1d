package org.medicore.appointment.application.port.out;

import org.medicore.appointment.domain.PatientId;

/** What the service keeps of a patient beside their appointments, removed when the patient is erased. */
public interface ForgetPatientRecords {

    /** Deletes the idempotency keys of the patient's bookings; how many. */
    int forgetBookingRequests(PatientId patient);

    /**
     * Deletes the outbox rows of the patient's appointments that were relayed already; pending ones stay,
     * so they are still sent. How many.
     */
    int forgetRelayedEvents(PatientId patient);
}
