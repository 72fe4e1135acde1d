package org.medicore.patient.application.port.out;

import org.medicore.patient.domain.Patient;
import org.medicore.patient.domain.PatientContactChanged;
import org.medicore.patient.domain.PatientRegistered;

import java.util.Optional;

public interface SavePatient {

    /** Stores a new patient and its event in one transaction, unless the duplicate key or subject is taken. */
    SaveOutcome insert(Patient patient, PatientRegistered event);

    /**
     * Replaces {@code previous} by {@code changed} if {@code previous.version()} is still the stored version,
     * with {@code event} (if any) in the same transaction.
     */
    SaveOutcome replace(Patient previous, Patient changed, Optional<PatientContactChanged> event);
}
