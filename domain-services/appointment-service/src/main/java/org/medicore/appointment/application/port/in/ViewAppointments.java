package org.medicore.appointment.application.port.in;

import org.medicore.appointment.domain.Appointment;
import org.medicore.appointment.domain.AppointmentId;
import org.medicore.appointment.domain.Caller;
import org.medicore.appointment.domain.PatientId;
import org.medicore.appointment.domain.PractitionerId;
import org.medicore.support.port.Outcome;

import java.time.LocalDate;
import java.util.List;

public interface ViewAppointments {

    Outcome<Appointment> appointment(Caller caller, AppointmentId id);

    /** The appointments among {@code ids} the caller may see, in the order asked; the others are left out. */
    Outcome<List<Appointment>> appointments(Caller caller, List<AppointmentId> ids);

    /**
     * The first {@code limit} appointments of each patient in {@code filter}'s order, one entry per
     * patient in the order asked. A patient's list holds only what the caller may see: all of it for
     * an administrator or the patient, a doctor's own appointments with them for a doctor.
     */
    Outcome<List<PatientAppointments>> firstOfPatients(Caller caller, List<PatientId> patients, TimeFilter filter,
                                                       int limit);

    Outcome<Page<Appointment>> ofPatient(Caller caller, PatientId patient, TimeFilter filter, Page.Request page);

    /** {@code day} in the practitioner's clinic time zone; by start time. */
    Outcome<List<Appointment>> ofPractitionerOn(Caller caller, PractitionerId practitioner, LocalDate day,
                                                boolean includeCancelled);

    enum TimeFilter {
        /** Start in the future and still active; soonest first. */
        UPCOMING,
        /** Started already or final; most recent first. */
        PAST,
        /** Everything; most recent first. */
        ALL
    }
}
