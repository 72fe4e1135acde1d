package org.medicore.notification.application.port.out;

import java.util.Objects;
import java.util.Optional;

/**
 * A message as the patient reads it: subject, plain text, HTML, the short text for SMS and,
 * for appointment messages, the calendar file with its iTIP method.
 */
public record ComposedMessage(String subject, String text, String html, String shortText,
                              Optional<CalendarFile> calendar) {

    public ComposedMessage {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(shortText, "shortText");
        Objects.requireNonNull(calendar, "calendar");
    }

    /** An .ics body and its METHOD (REQUEST or CANCEL), which the MIME part repeats. */
    public record CalendarFile(String text, String method) {
    }
}
