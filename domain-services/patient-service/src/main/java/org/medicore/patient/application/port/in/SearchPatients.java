package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.Caller;
import org.medicore.support.port.Outcome;

public interface SearchPatients {

    Outcome<PatientPage> search(Caller caller, SearchPatientsQuery query);
}
