package org.medicore.fhir.resource;

import org.hl7.fhir.r4.model.Practitioner;

/** A practitioner of appointment-service as a FHIR Practitioner: who the patient sees, by name. */
public final class PractitionerResources {

    private PractitionerResources() {
    }

    public static Practitioner of(org.medicore.contracts.appointment.v1.Practitioner given) {
        Practitioner practitioner = new Practitioner();
        practitioner.setId(given.getId());
        practitioner.setMeta(FhirValues.meta(given.getVersion(), given.hasUpdatedAt(), given.getUpdatedAt()));
        practitioner.setActive(true);
        if (given.hasName()) {
            practitioner.addName(PatientResources.name(given.getName()));
        }
        return practitioner;
    }
}
