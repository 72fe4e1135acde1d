package org.medicore.patient.application.port.out;

import org.medicore.patient.domain.Patient;
import org.medicore.patient.domain.PatientRegistered;

public interface SavePatient {

    /** Stores a new patient and its event in one transaction, unless the duplicate key or subject is taken. */
    SaveOutcome insert(Patient patient, PatientRegistered event);

    /** Replaces {@code previous} by {@code changed} if {@code previous.version()} is still the stored version. */
    SaveOutcome replace(Patient previous, Patient changed);
}
