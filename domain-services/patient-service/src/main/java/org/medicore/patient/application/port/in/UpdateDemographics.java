package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.Caller;
import org.medicore.patient.domain.Patient;
import org.medicore.support.port.Outcome;

public interface UpdateDemographics {

    Outcome<Patient> update(Caller caller, UpdateDemographicsCommand command);
}
