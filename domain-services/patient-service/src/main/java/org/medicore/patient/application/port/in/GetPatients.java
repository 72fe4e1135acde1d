package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.Caller;
import org.medicore.patient.domain.Patient;
import org.medicore.patient.domain.PatientId;
import org.medicore.support.port.Outcome;

public interface GetPatients {

    Outcome<Patient> get(Caller caller, PatientId id);

    /** Many patients at once; unknown ids and ids the caller may not see both come back as missing, so it is never refused. */
    Outcome<BatchLookup> getAll(Caller caller, BatchGetPatientsQuery query);
}
