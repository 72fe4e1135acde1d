package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.Patient;

public sealed interface PatientLookup permits PatientLookup.Found, PatientNotFound, AccessDenied {

    record Found(Patient patient) implements PatientLookup {
    }
}
