package org.medicore.appointment.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * What erasing a patient (GDPR art. 17) does to one of their appointments. With
 * {@code retainClinicalRecords} the clinic must keep medical records for a period: an appointment that
 * has begun keeps its reason (what the visit was for); one still ahead loses it either way.
 */
public record PatientErasure(boolean retainClinicalRecords) {

    /** The cancellation reason of every appointment of an erased patient: it names no one. */
    public static final String CANCEL_REASON = "cancelled: the patient's data was erased on request";

    /** Who booked or cancelled, where it was the erased patient's own login. */
    public static final Actor ERASED_PATIENT = new Actor("erased-patient", Role.PATIENT);

    /** Who cancels the appointments still ahead. */
    public static final Actor SYSTEM = new Actor("appointment-service", Role.SYSTEM);

    public Optional<Decision.Accepted> erase(Appointment appointment, Instant now) {
        boolean clinicalRecord = retainClinicalRecords && !now.isBefore(appointment.period().start());
        return appointment.erasePatient(clinicalRecord, now);
    }
}
