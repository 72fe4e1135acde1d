package org.medicore.appointment.application.port.out;

import org.medicore.appointment.domain.WorkingHours;

public interface SaveWorkingHours {

    /** Replaces the practitioner's hours with these. */
    void save(WorkingHours hours);
}
