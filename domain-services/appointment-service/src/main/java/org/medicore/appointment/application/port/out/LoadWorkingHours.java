package org.medicore.appointment.application.port.out;

import org.medicore.appointment.domain.PractitionerId;
import org.medicore.appointment.domain.WorkingHours;

import java.util.Optional;

public interface LoadWorkingHours {

    Optional<WorkingHours> workingHours(PractitionerId practitioner);

    /**
     * The hours as they are now, and no other change of them until the running transaction ends,
     * so that the version of the next change is one no other change takes.
     */
    Optional<WorkingHours> workingHoursForChange(PractitionerId practitioner);
}
