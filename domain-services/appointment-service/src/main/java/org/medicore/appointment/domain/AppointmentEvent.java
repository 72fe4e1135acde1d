package org.medicore.appointment.domain;

import java.time.Instant;
import java.util.UUID;

/** Domain events of the appointment aggregate; each becomes one message on the appointments topic. */
public sealed interface AppointmentEvent {

    UUID eventId();

    Instant occurredAt();

    AppointmentFacts facts();

    record AppointmentBooked(UUID eventId, Instant occurredAt, AppointmentFacts facts) implements AppointmentEvent {
    }

    record AppointmentCancelled(UUID eventId, Instant occurredAt, AppointmentFacts facts,
                                CancellingParty cancelledBy, String reason, boolean late) implements AppointmentEvent {
    }

    /** {@code facts} hold the new period. */
    record AppointmentRescheduled(UUID eventId, Instant occurredAt, AppointmentFacts facts,
                                  TimeRange oldPeriod) implements AppointmentEvent {
    }

    record AppointmentCompleted(UUID eventId, Instant occurredAt, AppointmentFacts facts) implements AppointmentEvent {
    }

    record AppointmentNoShow(UUID eventId, Instant occurredAt, AppointmentFacts facts) implements AppointmentEvent {
    }

    /** New working hours no longer offer the booked period; staff are to move or cancel it. */
    record AppointmentOutsideWorkingHours(UUID eventId, Instant occurredAt, AppointmentFacts facts) implements AppointmentEvent {
    }
}
