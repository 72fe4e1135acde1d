package org.medicore.notification.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A message as the record of what was sent shows it: to whom (masked), when, what became of it,
 * and what it concerns. Never its text, nor an address a provider's error repeats.
 */
public record SentMessage(UUID id, UUID patientId, NotificationKind kind, Channel channel,
                          Optional<MaskedAddress> recipient, DeliveryStatus status, Instant createdAt, Instant dueAt,
                          Optional<Instant> sentAt, int attempts, Optional<String> reason, MessageContent concerns) {

    public SentMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(sentAt, "sentAt");
        reason = Objects.requireNonNull(reason, "reason").map(MaskedAddress::inText);
        Objects.requireNonNull(concerns, "concerns");
    }
}
