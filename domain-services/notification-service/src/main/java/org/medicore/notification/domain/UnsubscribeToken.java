package org.medicore.notification.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** What an unsubscribe link stands for: this patient no longer wants messages on this channel; good until it expires. */
public record UnsubscribeToken(UUID patientId, Channel channel, Instant expiresAt) {

    public UnsubscribeToken {
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
