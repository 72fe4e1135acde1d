package org.medicore.notification.application.service;

import org.medicore.notification.application.port.in.RecordNotificationEvents;
import org.medicore.notification.application.port.out.AppointmentCalendars;
import org.medicore.notification.application.port.out.ErasePatients;
import org.medicore.notification.application.port.out.LoadPatientContacts;
import org.medicore.notification.application.port.out.LoadPractitionerZones;
import org.medicore.notification.application.port.out.LoadRecipients;
import org.medicore.notification.application.port.out.RecordProcessedEvents;
import org.medicore.notification.application.port.out.SaveRecipients;
import org.medicore.notification.application.port.out.ScheduleNotifications;
import org.medicore.support.port.Transactions;
import org.medicore.notification.domain.AppointmentCalendar;
import org.medicore.notification.domain.MessageContent;
import org.medicore.notification.domain.Notification;
import org.medicore.notification.domain.NotificationKind;
import org.medicore.notification.domain.NotificationPlanner;
import org.medicore.notification.domain.PatientContact;
import org.medicore.notification.domain.Recipient;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns events into scheduled messages. Each event runs in one transaction that first records
 * its id, so a redelivery changes nothing; a move or cancellation withdraws the appointment's
 * pending reminders in that same transaction, so an old reminder can't slip out after it.
 * PatientErased forgets the patient; any later event about them is recorded as seen and does nothing.
 */
public final class EventIntakeService implements RecordNotificationEvents {

    private static final String ERASED = "the patient's data was erased on their request";

    public record Ports(Transactions transactions, RecordProcessedEvents processedEvents, LoadRecipients recipients,
                        LoadPractitionerZones practitionerZones, AppointmentCalendars calendars,
                        ScheduleNotifications notifications, LoadPatientContacts patientContacts,
                        SaveRecipients savedRecipients, ErasePatients erasures) {
    }

    private final Ports ports;
    private final NotificationPlanner planner;
    private final ZoneId clinicZone;
    private final Clock clock;

    public EventIntakeService(Ports ports, NotificationPlanner planner, ZoneId clinicZone, Clock clock) {
        this.ports = ports;
        this.planner = planner;
        this.clinicZone = clinicZone;
        this.clock = clock;
    }

    @Override
    public Recorded record(IncomingEvent event) {
        // Asked before the transaction, so no connection waits on patient-service; a failure is
        // retried with the event. The record's current details, whatever the event's age: a late or
        // repeated event ends in the latest state.
        Optional<PatientContact> contact = event instanceof ContactNews news
                ? ports.patientContacts().contactOf(news.patientId()) : Optional.empty();
        return ports.transactions().inTransaction(() -> {
            Instant now = clock.instant();
            if (!ports.processedEvents().recordFirstTime(event.event().eventId(), event.event().eventType(), now)) {
                return Recorded.ALREADY_RECORDED;
            }
            if (event instanceof PatientErased erased) {
                ports.erasures().erase(erased.patientId(), ERASED, now);
                return Recorded.RECORDED;
            }
            if (ports.erasures().isErased(event.patientId())) {
                return Recorded.PATIENT_ERASED;
            }
            if (event instanceof ContactNews news) {
                contact.ifPresent(details -> ports.savedRecipients().saveContact(news.patientId(), details,
                        clinicZone, now));
            } else {
                ports.notifications().schedule(messagesFor(event, now), now);
            }
            return Recorded.RECORDED;
        });
    }

    private List<Notification> messagesFor(IncomingEvent event, Instant now) {
        UUID eventId = event.event().eventId();
        return switch (event) {
            case AppointmentBooked booked -> {
                AppointmentCalendar calendar = AppointmentCalendar.booked(booked.appointmentId(), booked.patientId(),
                        practitionerZone(booked.practitionerId()), booked.start(), booked.end());
                yield appointmentMessages(eventId, NotificationKind.BOOKING_CONFIRMED, calendar, now);
            }
            case AppointmentRescheduled moved -> {
                AppointmentCalendar calendar = ports.calendars().findForUpdate(moved.appointmentId())
                        .orElseGet(() -> AppointmentCalendar.booked(moved.appointmentId(), moved.patientId(),
                                practitionerZone(moved.practitionerId()), moved.newStart(), moved.newEnd()))
                        .movedTo(moved.newStart(), moved.newEnd());
                ports.notifications().withdrawPendingReminders(moved.appointmentId(), now);
                yield appointmentMessages(eventId, NotificationKind.APPOINTMENT_MOVED, calendar, now);
            }
            case AppointmentCancelled cancelled -> {
                AppointmentCalendar calendar = ports.calendars().findForUpdate(cancelled.appointmentId())
                        .orElseGet(() -> AppointmentCalendar.booked(cancelled.appointmentId(), cancelled.patientId(),
                                practitionerZone(cancelled.practitionerId()), cancelled.start(), cancelled.end()))
                        .cancel();
                ports.notifications().withdrawPendingReminders(cancelled.appointmentId(), now);
                yield appointmentMessages(eventId, NotificationKind.APPOINTMENT_CANCELLED, calendar, now);
            }
            case ResultsReady results -> planner.forEvent(eventId, NotificationKind.RESULTS_READY,
                    recipient(results.patientId()), new MessageContent.ResultsReady(results.reportId()), now);
            // record() keeps the patient's contact details, or forgets them; that tells nobody anything
            case ContactNews news -> List.of();
            case PatientErased erased -> List.of();
            case InvoiceIssued invoice -> planner.forEvent(eventId, NotificationKind.INVOICE_ISSUED,
                    recipient(invoice.patientId()),
                    new MessageContent.InvoiceDetails(invoice.invoiceNumber(), invoice.total(), invoice.paymentDue()),
                    now);
        };
    }

    private List<Notification> appointmentMessages(UUID eventId, NotificationKind kind, AppointmentCalendar calendar,
                                                   Instant now) {
        ports.calendars().save(calendar, now);
        Recipient recipient = recipient(calendar.patientId());
        List<Notification> messages = new ArrayList<>(planner.forEvent(eventId, kind, recipient, calendar.details(), now));
        if (!calendar.cancelled()) {
            messages.addAll(planner.remindersOf(calendar, recipient, now));
        }
        return messages;
    }

    private Recipient recipient(UUID patientId) {
        return ports.recipients().find(patientId).orElseGet(() -> Recipient.unknown(patientId, clinicZone));
    }

    private ZoneId practitionerZone(String practitionerId) {
        return ports.practitionerZones().zoneOf(practitionerId).orElse(clinicZone);
    }
}
