package org.medicore.notification.application.port.out;

import org.medicore.notification.domain.Channel;

import java.time.Instant;
import java.util.UUID;

/** The token of a message's unsubscribe link: this patient's consent on this channel, good for a while from {@code now}. */
public interface IssueUnsubscribeTokens {

    /** URL-safe text (A-Z, a-z, 0-9, '-' and '_'). */
    String issue(UUID patientId, Channel channel, Instant now);
}
