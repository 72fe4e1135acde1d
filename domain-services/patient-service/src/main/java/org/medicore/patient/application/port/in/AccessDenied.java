package org.medicore.patient.application.port.in;

/** The caller's roles or ownership do not allow it. */
public record AccessDenied() implements RegistrationResult, PatientLookup, DemographicsUpdateResult, PatientRefusal {
}
