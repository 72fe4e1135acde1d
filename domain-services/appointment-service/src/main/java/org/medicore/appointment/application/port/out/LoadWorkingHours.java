package org.medicore.appointment.application.port.out;

import org.medicore.appointment.domain.PractitionerId;
import org.medicore.appointment.domain.WorkingHours;

import java.util.Optional;

public interface LoadWorkingHours {

    Optional<WorkingHours> workingHours(PractitionerId practitioner);
}
