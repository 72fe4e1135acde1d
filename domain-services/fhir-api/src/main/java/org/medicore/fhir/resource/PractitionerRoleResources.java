package org.medicore.fhir.resource;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.medicore.contracts.appointment.v1.Practitioner;
import org.medicore.contracts.appointment.v1.WorkingHours;

import java.util.Optional;

/**
 * What a practitioner does at the clinic as a FHIR PractitionerRole, one per practitioner with the
 * practitioner's id: the specialty and the working week as available times.
 */
public final class PractitionerRoleResources {

    private PractitionerRoleResources() {
    }

    public static PractitionerRole of(Practitioner practitioner, Optional<WorkingHours> hours) {
        PractitionerRole role = new PractitionerRole();
        role.setId(practitioner.getId());
        role.setMeta(FhirValues.meta(practitioner.getVersion(), practitioner.hasUpdatedAt(), practitioner.getUpdatedAt()));
        role.setActive(true);
        role.setPractitioner(FhirValues.reference("Practitioner", practitioner.getId()));
        if (!practitioner.getSpecialty().isBlank()) {
            role.addSpecialty(new CodeableConcept().setText(practitioner.getSpecialty()));
        }
        hours.ifPresent(week -> {
            role.setAvailableTime(WorkingWeek.availableTimes(week));
            if (!practitioner.getTimeZone().isBlank()) {
                role.setAvailabilityExceptions("times in " + practitioner.getTimeZone());
            }
        });
        return role;
    }
}
