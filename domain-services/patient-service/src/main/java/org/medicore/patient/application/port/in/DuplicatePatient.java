package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.PatientId;

/** Another patient has the same name, date of birth and e-mail. */
public record DuplicatePatient(PatientId existing) implements RegistrationResult, DemographicsUpdateResult {
}
