package org.medicore.appointment.application.port.in;

import org.medicore.appointment.domain.Appointment;
import org.medicore.appointment.domain.PatientId;

import java.util.List;

/** The first appointments of one patient, as many as asked for; {@code hasMore} when there are others. */
public record PatientAppointments(PatientId patient, List<Appointment> appointments, boolean hasMore) {

    public PatientAppointments {
        appointments = List.copyOf(appointments);
    }
}
