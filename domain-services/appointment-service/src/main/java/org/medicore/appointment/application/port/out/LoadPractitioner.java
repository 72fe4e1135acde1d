package org.medicore.appointment.application.port.out;

import org.medicore.appointment.domain.Practitioner;
import org.medicore.appointment.domain.PractitionerId;

import java.util.Optional;

public interface LoadPractitioner {

    Optional<Practitioner> practitioner(PractitionerId id);
}
