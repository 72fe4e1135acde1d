package org.medicore.notification.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One message to one patient on one channel, sent at or after {@code dueAt}. The idempotency key
 * names the message, not the attempt: scheduling it twice keeps one, and the e-mail's
 * Message-ID is made from it, so a resend after a crash is recognisably the same mail.
 */
public record Notification(UUID id, String idempotencyKey, UUID patientId, NotificationKind kind, Channel channel,
                           Instant dueAt, MessageContent content) {

    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(content, "content");
    }
}
