package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.Patient;

public sealed interface DemographicsUpdateResult permits DemographicsUpdateResult.Updated,
        DemographicsUpdateResult.StaleVersion, DuplicatePatient, PatientNotFound, AccessDenied {

    record Updated(Patient patient) implements DemographicsUpdateResult {
    }

    /** Nothing was changed: the caller read an older version and must re-read. */
    record StaleVersion(long currentVersion) implements DemographicsUpdateResult {
    }
}
