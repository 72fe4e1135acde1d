package org.medicore.notification.application.port.out;

import java.util.Objects;
import java.util.Optional;

/**
 * A message as the patient reads it: subject, plain text, HTML, the short text for SMS and,
 * for appointment messages, the calendar file with its iTIP method; the unsubscribe link the texts
 * end with, which an e-mail also names in its List-Unsubscribe header.
 */
public record ComposedMessage(String subject, String text, String html, String shortText, String unsubscribeUrl,
                              Optional<CalendarFile> calendar) {

    public ComposedMessage {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(shortText, "shortText");
        Objects.requireNonNull(unsubscribeUrl, "unsubscribeUrl");
        Objects.requireNonNull(calendar, "calendar");
    }

    /** An .ics body and its METHOD (REQUEST or CANCEL), which the MIME part repeats. */
    public record CalendarFile(String text, String method) {
    }
}
