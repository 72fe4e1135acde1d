package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.Patient;
import org.medicore.patient.domain.PatientId;

public sealed interface RegistrationResult permits RegistrationResult.Registered, DuplicatePatient,
        RegistrationResult.SubjectAlreadyLinked, AccessDenied {

    record Registered(Patient patient) implements RegistrationResult {
    }

    /** The Keycloak account is already the owner of another patient record. */
    record SubjectAlreadyLinked(PatientId existing) implements RegistrationResult {
    }
}
