package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.Caller;
import org.medicore.patient.domain.PatientId;

public interface GetPatients {

    PatientLookup get(Caller caller, PatientId id);

    /** Many patients at once; unknown ids and ids the caller may not see both come back as missing. */
    BatchLookup getAll(Caller caller, BatchGetPatientsQuery query);
}
