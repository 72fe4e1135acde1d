package org.medicore.patient.application.port.out;

import org.medicore.patient.domain.PatientRegistered;

public interface PublishEvent {

    /** Returns once the broker acknowledged the event; throws if it did not. */
    void publish(PatientRegistered event);
}
