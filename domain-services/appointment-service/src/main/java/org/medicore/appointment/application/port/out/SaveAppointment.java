package org.medicore.appointment.application.port.out;

import org.medicore.appointment.domain.Appointment;

/**
 * Stores appointments. The store, not the caller, guarantees that active appointments of a
 * practitioner (or of a patient) never overlap; a write that would break it changes nothing.
 */
public interface SaveAppointment {

    SlotClaim insert(Appointment appointment);

    /** Writes the appointment's new state; it must still have the version before this change. */
    SlotClaim update(Appointment appointment);

    enum SlotClaim {
        SAVED, SLOT_TAKEN, PATIENT_DOUBLE_BOOKED
    }
}
