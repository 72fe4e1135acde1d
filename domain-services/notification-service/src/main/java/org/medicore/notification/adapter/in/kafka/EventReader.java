package org.medicore.notification.adapter.in.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.medicore.support.kafka.UnreadableEvent;
import com.google.protobuf.Message;
import org.medicore.contracts.events.v1.InvoiceIssued;
import org.medicore.contracts.events.v1.LabReportProcessed;
import org.medicore.contracts.events.v1.PatientContactChanged;
import org.medicore.contracts.events.v1.PatientErased;
import org.medicore.contracts.events.v1.PatientRegistered;
import org.medicore.contracts.events.v2.AppointmentBooked;
import org.medicore.contracts.events.v2.AppointmentCancelled;
import org.medicore.contracts.events.v2.AppointmentEventVersions;
import org.medicore.contracts.events.v2.AppointmentFacts;
import org.medicore.contracts.events.v2.AppointmentRescheduled;
import org.medicore.notification.application.port.in.RecordNotificationEvents.EventRef;
import org.medicore.notification.application.port.in.RecordNotificationEvents.IncomingEvent;
import org.medicore.notification.application.port.in.RecordNotificationEvents;
import org.medicore.notification.domain.Money;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import static org.medicore.support.kafka.ConsumedEvents.eventType;
import static org.medicore.support.kafka.ConsumedEvents.instant;
import static org.medicore.support.kafka.ConsumedEvents.parse;
import static org.medicore.support.kafka.ConsumedEvents.uuid;

/**
 * Reads a consumed record, by its event-type header, into what it tells a patient (or, for a
 * registration or a contact change, whom to tell and where; for an erasure, whom to forget); empty for the types nobody is told of (completions, payments, a report without results, newer types).
 * Appointment events of either version (v1 stays on the topic for its retention) are read as
 * medicore.events.v2, and named by their v2 type, so both read the same.
 */
final class EventReader {

    Optional<IncomingEvent> read(ConsumerRecord<String, String> record) {
        String type = eventType(record);
        Optional<Message.Builder> appointmentEvent = AppointmentEventVersions.builderFor(type);
        if (appointmentEvent.isPresent()) {
            return appointment(AppointmentEventVersions.asV2(parse(record, appointmentEvent.get())));
        }
        return switch (type) {
            case "medicore.events.v1.PatientRegistered" -> {
                PatientRegistered event = parse(record, PatientRegistered.newBuilder());
                yield Optional.of(new RecordNotificationEvents.PatientRegistered(ref(event.getEventId(), type),
                        uuid(event.getPatientId(), "patient_id")));
            }
            case "medicore.events.v1.PatientContactChanged" -> {
                PatientContactChanged event = parse(record, PatientContactChanged.newBuilder());
                yield Optional.of(new RecordNotificationEvents.PatientContactChanged(ref(event.getEventId(), type),
                        uuid(event.getPatientId(), "patient_id")));
            }
            case "medicore.events.v1.PatientErased" -> {
                PatientErased event = parse(record, PatientErased.newBuilder());
                yield Optional.of(new RecordNotificationEvents.PatientErased(ref(event.getEventId(), type),
                        uuid(event.getPatientId(), "patient_id"), instant(event.getApprovedAt())));
            }
            case "medicore.events.v1.LabReportProcessed" -> {
                LabReportProcessed event = parse(record, LabReportProcessed.newBuilder());
                yield event.getResultCount() == 0 ? Optional.empty()
                        : Optional.of(new RecordNotificationEvents.ResultsReady(ref(event.getEventId(), type),
                        uuid(event.getReportId(), "report_id"), uuid(event.getPatientId(), "patient_id")));
            }
            case "medicore.events.v1.InvoiceIssued" -> {
                InvoiceIssued event = parse(record, InvoiceIssued.newBuilder());
                yield Optional.of(new RecordNotificationEvents.InvoiceIssued(ref(event.getEventId(), type),
                        uuid(event.getPatientId(), "patient_id"), event.getInvoiceNumber(),
                        money(event.getTotal()), date(event.getDueDate())));
            }
            default -> Optional.empty();
        };
    }

    private static Optional<IncomingEvent> appointment(Message event) {
        String type = event.getDescriptorForType().getFullName();
        return switch (event) {
            case AppointmentBooked e -> Optional.of(new RecordNotificationEvents.AppointmentBooked(ref(e.getEventId(), type),
                    appointmentId(e.getAppointment()), patientId(e.getAppointment()), e.getAppointment().getPractitionerId(),
                    instant(e.getAppointment().getStart()), instant(e.getAppointment().getEnd())));
            case AppointmentRescheduled e -> Optional.of(new RecordNotificationEvents.AppointmentRescheduled(
                    ref(e.getEventId(), type), appointmentId(e.getAppointment()), patientId(e.getAppointment()),
                    e.getAppointment().getPractitionerId(), instant(e.getAppointment().getStart()),
                    instant(e.getAppointment().getEnd())));
            case AppointmentCancelled e -> Optional.of(new RecordNotificationEvents.AppointmentCancelled(
                    ref(e.getEventId(), type), appointmentId(e.getAppointment()), patientId(e.getAppointment()),
                    e.getAppointment().getPractitionerId(), instant(e.getAppointment().getStart()),
                    instant(e.getAppointment().getEnd())));
            default -> Optional.empty();
        };
    }

    private static UUID appointmentId(AppointmentFacts appointment) {
        return uuid(appointment.getAppointmentId(), "appointment.appointment_id");
    }

    private static UUID patientId(AppointmentFacts appointment) {
        return uuid(appointment.getPatientId(), "appointment.patient_id");
    }

    private static EventRef ref(String eventId, String type) {
        return new EventRef(uuid(eventId, "event_id"), type);
    }

    private static Money money(org.medicore.contracts.common.v1.Money money) {
        try {
            return Money.of(money.getAmountMinor(), money.getCurrency());
        } catch (IllegalArgumentException e) {
            throw new UnreadableEvent("total.currency is not an ISO 4217 code: '" + money.getCurrency() + "'", e);
        }
    }

    private static LocalDate date(com.google.type.Date date) {
        try {
            return LocalDate.of(date.getYear(), date.getMonth(), date.getDay());
        } catch (DateTimeException e) {
            throw new UnreadableEvent("due_date is not a date", e);
        }
    }
}
