package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.Caller;

public interface RegisterPatient {

    RegistrationResult register(Caller caller, RegisterPatientCommand command);
}
