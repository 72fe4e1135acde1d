package org.medicore.notification.application.port.in;

import org.medicore.notification.domain.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** Takes in the events that tell a patient something; each event id is applied once. */
public interface RecordNotificationEvents {

    /**
     * What became of an event: applied, seen before, or about a patient whose data was erased
     * (recorded as seen, and nothing else done).
     */
    enum Recorded { RECORDED, ALREADY_RECORDED, PATIENT_ERASED }

    Recorded record(IncomingEvent event);

    /** The consumed event's id and type: what makes a redelivery recognisable. */
    record EventRef(UUID eventId, String eventType) {

        public EventRef {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(eventType, "eventType");
        }
    }

    sealed interface IncomingEvent {
        EventRef event();

        UUID patientId();
    }

    /**
     * News that a patient's e-mail address or phone may be new: the current ones are fetched and kept,
     * nobody is told anything.
     */
    sealed interface ContactNews extends IncomingEvent {
        UUID patientId();
    }

    /** A new patient. */
    record PatientRegistered(EventRef event, UUID patientId) implements ContactNews {
    }

    /** A registered patient's e-mail address or phone changed. */
    record PatientContactChanged(EventRef event, UUID patientId) implements ContactNews {
    }

    /**
     * patient-service erased the patient on their request (GDPR art. 17): their contact details, choices
     * and calendars go, and nothing is planned or kept for them again.
     */
    record PatientErased(EventRef event, UUID patientId, Instant approvedAt) implements IncomingEvent {
    }

    record AppointmentBooked(EventRef event, UUID appointmentId, UUID patientId, String practitionerId,
                             Instant start, Instant end) implements IncomingEvent {
    }

    record AppointmentRescheduled(EventRef event, UUID appointmentId, UUID patientId, String practitionerId,
                                  Instant newStart, Instant newEnd) implements IncomingEvent {
    }

    record AppointmentCancelled(EventRef event, UUID appointmentId, UUID patientId, String practitionerId,
                                Instant start, Instant end) implements IncomingEvent {
    }

    record ResultsReady(EventRef event, UUID reportId, UUID patientId) implements IncomingEvent {
    }

    record InvoiceIssued(EventRef event, UUID patientId, String invoiceNumber, Money total, LocalDate paymentDue)
            implements IncomingEvent {
    }
}
