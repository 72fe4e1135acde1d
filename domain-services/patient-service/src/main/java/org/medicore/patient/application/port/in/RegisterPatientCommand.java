package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.Demographics;
import org.medicore.patient.domain.Violations;

import java.util.Optional;

/** A new patient: demographics, the patient's own Keycloak account if any, the registering clinic. */
public record RegisterPatientCommand(Demographics demographics, Optional<String> keycloakSubject, String registeredAtClinicId) {

    public RegisterPatientCommand {
        keycloakSubject = keycloakSubject == null ? Optional.empty() : keycloakSubject.filter(s -> !s.isBlank()).map(String::strip);
        registeredAtClinicId = registeredAtClinicId == null ? "" : registeredAtClinicId.strip();
        new Violations()
                .maxLength("keycloak_subject", keycloakSubject.orElse(""), 255)
                .maxLength("registered_at_clinic_id", registeredAtClinicId, 64)
                .throwIfAny();
    }
}
