package org.medicore.appointment.application.port.in;

import org.medicore.appointment.domain.AppointmentType;
import org.medicore.appointment.domain.Caller;
import org.medicore.appointment.domain.PractitionerId;
import org.medicore.appointment.domain.Slot;
import org.medicore.support.port.Outcome;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

public interface FindFreeSlots {

    int MAX_DAYS = 31;

    /** Days in the practitioner's clinic time zone, both inclusive. */
    Outcome<FreeSlots> freeSlots(Caller caller, PractitionerId practitioner, AppointmentType type, LocalDate from, LocalDate to);

    record FreeSlots(ZoneId timeZone, List<Slot> slots) {
        public FreeSlots {
            slots = List.copyOf(slots);
        }
    }
}
