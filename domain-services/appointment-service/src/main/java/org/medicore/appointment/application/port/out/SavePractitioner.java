package org.medicore.appointment.application.port.out;

import org.medicore.appointment.domain.Practitioner;

public interface SavePractitioner {

    /** False when the practitioner's Keycloak subject is already linked to another practitioner. */
    boolean create(Practitioner practitioner);
}
