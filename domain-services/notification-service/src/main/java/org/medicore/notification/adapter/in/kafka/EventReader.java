package org.medicore.notification.adapter.in.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.medicore.support.kafka.UnreadableEvent;
import org.medicore.contracts.events.v1.AppointmentBooked;
import org.medicore.contracts.events.v1.AppointmentCancelled;
import org.medicore.contracts.events.v1.AppointmentRescheduled;
import org.medicore.contracts.events.v1.InvoiceIssued;
import org.medicore.contracts.events.v1.LabReportProcessed;
import org.medicore.contracts.events.v1.PatientContactChanged;
import org.medicore.contracts.events.v1.PatientRegistered;
import org.medicore.notification.application.port.in.RecordNotificationEvents.EventRef;
import org.medicore.notification.application.port.in.RecordNotificationEvents.IncomingEvent;
import org.medicore.notification.application.port.in.RecordNotificationEvents;
import org.medicore.notification.domain.Money;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

import static org.medicore.support.kafka.ConsumedEvents.eventType;
import static org.medicore.support.kafka.ConsumedEvents.instant;
import static org.medicore.support.kafka.ConsumedEvents.parse;
import static org.medicore.support.kafka.ConsumedEvents.uuid;

/**
 * Reads a consumed record, by its event-type header, into what it tells a patient (or, for a
 * registration or a contact change, whom to tell and where); empty for the types nobody is told of (completions, payments, a report without results, newer types).
 */
final class EventReader {

    Optional<IncomingEvent> read(ConsumerRecord<String, String> record) {
        String type = eventType(record);
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
            case "medicore.events.v1.AppointmentBooked" -> {
                AppointmentBooked event = parse(record, AppointmentBooked.newBuilder());
                yield Optional.of(new RecordNotificationEvents.AppointmentBooked(ref(event.getEventId(), type),
                        uuid(event.getAppointmentId(), "appointment_id"), uuid(event.getPatientId(), "patient_id"),
                        event.getPractitionerId(), instant(event.getStart()), instant(event.getEnd())));
            }
            case "medicore.events.v1.AppointmentRescheduled" -> {
                AppointmentRescheduled event = parse(record, AppointmentRescheduled.newBuilder());
                yield Optional.of(new RecordNotificationEvents.AppointmentRescheduled(ref(event.getEventId(), type),
                        uuid(event.getAppointmentId(), "appointment_id"), uuid(event.getPatientId(), "patient_id"),
                        event.getPractitionerId(), instant(event.getNewStart()), instant(event.getNewEnd())));
            }
            case "medicore.events.v1.AppointmentCancelled" -> {
                AppointmentCancelled event = parse(record, AppointmentCancelled.newBuilder());
                yield Optional.of(new RecordNotificationEvents.AppointmentCancelled(ref(event.getEventId(), type),
                        uuid(event.getAppointmentId(), "appointment_id"), uuid(event.getPatientId(), "patient_id"),
                        event.getPractitionerId(), instant(event.getStart()), instant(event.getEnd())));
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
