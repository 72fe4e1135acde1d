package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.Caller;

public interface UpdateDemographics {

    DemographicsUpdateResult update(Caller caller, UpdateDemographicsCommand command);
}
