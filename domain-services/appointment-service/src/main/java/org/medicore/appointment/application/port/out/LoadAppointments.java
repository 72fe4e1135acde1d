package org.medicore.appointment.application.port.out;

import java.util.Map;
import java.util.Collection;
import org.medicore.appointment.application.port.in.Page;
import org.medicore.appointment.application.port.in.ViewAppointments.TimeFilter;
import org.medicore.appointment.domain.Appointment;
import org.medicore.appointment.domain.AppointmentId;
import org.medicore.appointment.domain.PatientId;
import org.medicore.appointment.domain.PractitionerId;
import org.medicore.appointment.domain.TimeRange;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface LoadAppointments {

    Optional<Appointment> appointment(AppointmentId id);

    /** Loads and locks the appointment until the end of the transaction. */
    Optional<Appointment> appointmentForChange(AppointmentId id);

    /** Every appointment of the patient, locked until the end of the transaction. */
    List<Appointment> ofPatientForChange(PatientId patient);

    /** Appointments of the practitioner starting within {@code range}, by start. */
    List<Appointment> ofPractitioner(PractitionerId practitioner, TimeRange range, boolean includeCancelled);

    /** Periods held by active appointments of the practitioner that overlap {@code range}. */
    List<TimeRange> takenPeriods(PractitionerId practitioner, TimeRange range);

    Page<Appointment> ofPatient(PatientId patient, TimeFilter filter, Instant now, Page.Request page);

    List<Appointment> appointments(Collection<AppointmentId> ids);

    /**
     * Up to {@code limit} appointments of each patient in {@code filter}'s order, in one query; with
     * {@code practitionerAccount} only those with the practitioner whose account it is.
     */
    Map<PatientId, List<Appointment>> firstOfPatients(Collection<PatientId> patients, TimeFilter filter,
                                                                Instant now, int limit,
                                                                Optional<String> practitionerAccount);
}
