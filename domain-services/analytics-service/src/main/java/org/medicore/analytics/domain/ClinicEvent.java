package org.medicore.analytics.domain;

import java.time.Instant;
import java.util.List;

/** The events of the clinic that analytics counts, as the analytics figures need them. */
public sealed interface ClinicEvent {

    String eventId();

    Instant occurredAt();

    /** The instant whose window the event counts in. */
    default Instant countedAt() {
        return occurredAt();
    }

    /** The dimension values the event is counted under. */
    List<DimensionKey> dimensions();

    /** An event of one appointment, which the dashboard's rolling figures follow. */
    sealed interface AppointmentEvent extends ClinicEvent {

        String appointmentId();

        CareUnit careUnit();

        @Override
        default List<DimensionKey> dimensions() {
            return careUnit().dimensions();
        }
    }

    /** An event about an invoice, counted as revenue of the appointment's care unit. */
    sealed interface RevenueEvent extends ClinicEvent {

        CareUnit careUnit();

        @Override
        default List<DimensionKey> dimensions() {
            return careUnit().dimensions();
        }
    }

    record AppointmentBooked(String eventId, Instant occurredAt, String appointmentId, CareUnit careUnit, TimeSlot slot)
            implements AppointmentEvent {
    }

    record AppointmentCancelled(String eventId, Instant occurredAt, String appointmentId, CareUnit careUnit, TimeSlot slot,
                                boolean late) implements AppointmentEvent {
    }

    record AppointmentRescheduled(String eventId, Instant occurredAt, String appointmentId, CareUnit careUnit,
                                  TimeSlot from, TimeSlot to) implements AppointmentEvent {
    }

    record AppointmentCompleted(String eventId, Instant occurredAt, String appointmentId, CareUnit careUnit, TimeSlot slot)
            implements AppointmentEvent {
    }

    record AppointmentNoShow(String eventId, Instant occurredAt, String appointmentId, CareUnit careUnit, TimeSlot slot)
            implements AppointmentEvent {
    }

    /** A new patient; counted for the registering clinic only, not at all for self-registration. */
    record PatientRegistered(String eventId, Instant occurredAt, String clinicId) implements ClinicEvent {

        @Override
        public List<DimensionKey> dimensions() {
            return clinicId == null || clinicId.isBlank()
                    ? List.of()
                    : List.of(new DimensionKey(Dimension.CLINIC, clinicId));
        }
    }

    record InvoiceIssued(String eventId, Instant occurredAt, CareUnit careUnit, Money total) implements RevenueEvent {
    }

    /** Takes the invoice's total back out of revenue invoiced, in the window it was issued in. */
    record InvoiceVoided(String eventId, Instant occurredAt, CareUnit careUnit, Money total, Instant issuedAt)
            implements RevenueEvent {

        @Override
        public Instant countedAt() {
            return issuedAt;
        }
    }

    record PaymentRecorded(String eventId, Instant occurredAt, CareUnit careUnit, Money amount) implements RevenueEvent {
    }
}
