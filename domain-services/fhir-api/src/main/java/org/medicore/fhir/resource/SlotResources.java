package org.medicore.fhir.resource;

import org.hl7.fhir.r4.model.Slot;

/**
 * A free slot of appointment-service as a FHIR Slot of its practitioner's Schedule. Slots are worked
 * out from the working hours and the bookings, not stored, so a slot's id says what it is: the
 * practitioner, the start (epoch seconds) and the appointment type's number.
 */
public final class SlotResources {

    private SlotResources() {
    }

    public static Slot of(org.medicore.contracts.appointment.v1.Slot free) {
        Slot slot = new Slot();
        slot.setId(free.getPractitionerId() + "-" + free.getStart().getSeconds() + "-" + free.getAppointmentTypeValue());
        slot.setSchedule(FhirValues.reference("Schedule", free.getPractitionerId()));
        slot.setStatus(Slot.SlotStatus.FREE);
        FhirValues.instant(free.hasStart(), free.getStart()).ifPresent(slot::setStartElement);
        FhirValues.instant(free.hasEnd(), free.getEnd()).ifPresent(slot::setEndElement);
        slot.setAppointmentType(AppointmentResources.type(free.getAppointmentType()));
        return slot;
    }
}
