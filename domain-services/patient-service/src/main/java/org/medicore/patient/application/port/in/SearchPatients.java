package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.Caller;

public interface SearchPatients {

    PatientPage search(Caller caller, SearchPatientsQuery query);
}
