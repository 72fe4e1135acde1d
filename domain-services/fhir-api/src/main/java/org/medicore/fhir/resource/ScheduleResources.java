package org.medicore.fhir.resource;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Schedule;
import org.medicore.contracts.appointment.v1.Practitioner;
import org.medicore.contracts.appointment.v1.WorkingHours;

/**
 * A practitioner's working hours as a FHIR Schedule: one per practitioner, with the practitioner's
 * id, whose free Slots are searched by it. The hours themselves are in the comment and, coded, in
 * the practitioner's PractitionerRole ({@code availableTime}).
 */
public final class ScheduleResources {

    private ScheduleResources() {
    }

    public static Schedule of(Practitioner practitioner, WorkingHours hours) {
        Schedule schedule = new Schedule();
        schedule.setId(practitioner.getId());
        schedule.setMeta(FhirValues.meta(hours.getVersion(), hours.hasUpdatedAt(), hours.getUpdatedAt()));
        schedule.setActive(true);
        schedule.addActor(FhirValues.reference("Practitioner", practitioner.getId()));
        if (!practitioner.getSpecialty().isBlank()) {
            schedule.addSpecialty(new CodeableConcept().setText(practitioner.getSpecialty()));
        }
        schedule.setComment(WorkingWeek.describe(hours, practitioner.getTimeZone()));
        return schedule;
    }
}
