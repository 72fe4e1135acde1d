package org.medicore.fhir.resource;

import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Practitioner;

/** A practitioner of appointment-service as a FHIR Practitioner: who the patient sees, by name. */
public final class PractitionerResources {

    private PractitionerResources() {
    }

    public static Practitioner of(org.medicore.contracts.appointment.v1.Practitioner given) {
        Practitioner practitioner = new Practitioner();
        practitioner.setId(given.getId());
        Meta meta = new Meta().setVersionId(Long.toString(given.getVersion()));
        FhirValues.instant(given.hasUpdatedAt(), given.getUpdatedAt()).ifPresent(meta::setLastUpdatedElement);
        practitioner.setMeta(meta);
        practitioner.setActive(true);
        if (given.hasName()) {
            practitioner.addName(PatientResources.name(given.getName()));
        }
        return practitioner;
    }
}
