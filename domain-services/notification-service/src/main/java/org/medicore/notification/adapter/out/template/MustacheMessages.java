package org.medicore.notification.adapter.out.template;

import org.medicore.notification.application.port.out.ComposeMessages;
import org.medicore.notification.application.port.out.ComposedMessage;
import org.medicore.notification.domain.CalendarInvitation;
import org.medicore.notification.domain.MessageContent;
import org.medicore.notification.domain.Notification;
import org.medicore.notification.domain.NotificationKind;
import org.medicore.notification.domain.Recipient;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Renders messages from the template files in the recipient's language, with dates and times
 * in the recipient's zone and amounts in their locale's currency format. The model holds only
 * what a kind needs (never a diagnosis, a value or a reason given for a cancellation); the
 * calendar file keeps the practitioner's zone. Every message ends with its unsubscribe link, signed
 * for the patient and the channel it goes by.
 */
final class MustacheMessages implements ComposeMessages {

    /** The clinic's name and addresses as the messages show them. */
    record Clinic(String name, String portalUrl, String mailFrom, String accountHolder, String iban, String bic) {
    }

    private final MessageTemplates templates = new MessageTemplates();
    private final Clinic clinic;
    private final UnsubscribeLinks unsubscribeLinks;
    private final Clock clock;

    MustacheMessages(Clinic clinic, UnsubscribeLinks unsubscribeLinks, Clock clock) {
        this.clinic = clinic;
        this.unsubscribeLinks = unsubscribeLinks;
        this.clock = clock;
    }

    @Override
    public ComposedMessage compose(Notification notification, Recipient recipient) {
        MessageTemplates.Parts parts = templates.of(notification.kind(), recipient.language());
        UnsubscribeLinks.Links links = unsubscribeLinks.linksFor(notification.patientId(), notification.channel());
        String unsubscribeUrl = links.page();
        Map<String, Object> model = model(notification, recipient);
        model.put("unsubscribeUrl", unsubscribeUrl);
        model.put("smsUnsubscribeUrl", links.shortForm());
        Optional<ComposedMessage.CalendarFile> calendar = Optional.empty();
        if (notification.kind().carriesCalendar()
                && notification.content() instanceof MessageContent.AppointmentDetails appointment) {
            CalendarInvitation invitation = new CalendarInvitation(appointment,
                    notification.kind() == NotificationKind.APPOINTMENT_CANCELLED,
                    parts.calendarSummary().execute(model), clinic.name(), clinic.mailFrom(), clock.instant());
            calendar = Optional.of(new ComposedMessage.CalendarFile(invitation.text(), invitation.method()));
        }
        return new ComposedMessage(parts.subject().execute(model), parts.text().execute(model),
                parts.html().execute(model), inSmsAlphabet(parts.shortText().execute(model)), unsubscribeUrl, calendar);
    }

    /**
     * The JDK's locale data put no-break spaces in times and amounts ("10:30\u202FAM", "120,50\u00A0€"); one
     * character outside the GSM 7-bit alphabet sends the whole SMS as UCS-2, 70 characters a segment
     * instead of 160. A phone shows a plain space just as well.
     */
    static String inSmsAlphabet(String text) {
        return text.replace('\u202F', ' ').replace('\u00A0', ' ').replace('\u2009', ' ');
    }

    Map<String, Object> model(Notification notification, Recipient recipient) {
        Locale locale = recipient.language().locale();
        Map<String, Object> model = new HashMap<>();
        model.put("clinicName", clinic.name());
        model.put("portalUrl", clinic.portalUrl());
        switch (notification.content()) {
            case MessageContent.AppointmentDetails appointment -> {
                ZonedDateTime start = appointment.start().atZone(recipient.zone());
                ZonedDateTime end = appointment.end().atZone(recipient.zone());
                DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
                model.put("date", DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(start));
                model.put("time", time.format(start));
                model.put("endTime", time.format(end));
                model.put("timeZone", DateTimeFormatter.ofPattern("zzzz", locale).format(start));
            }
            case MessageContent.ResultsReady results -> {
                // which report is for the portal to show after sign-in: the message names nothing
            }
            case MessageContent.InvoiceDetails invoice -> {
                NumberFormat amount = NumberFormat.getCurrencyInstance(locale);
                amount.setCurrency(invoice.total().currency());
                amount.setMinimumFractionDigits(Math.max(0, invoice.total().currency().getDefaultFractionDigits()));
                model.put("invoiceNumber", invoice.invoiceNumber());
                model.put("amount", amount.format(invoice.total().amount()));
                model.put("dueDate", DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                        .format(invoice.paymentDue()));
                model.put("accountHolder", clinic.accountHolder());
                model.put("iban", clinic.iban());
                model.put("bic", clinic.bic());
            }
        }
        return model;
    }
}
