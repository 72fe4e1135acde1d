package org.medicore.notification.application.port.out;

import org.medicore.notification.domain.ClaimedNotification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Due messages, locked for the calling transaction (other instances skip them), and what became
 * of each. Call inside one transaction.
 */
public interface ClaimDueNotifications {

    List<ClaimedNotification> claimDue(Instant now, int limit);

    void recordSent(UUID notificationId, String providerMessageId, Instant at);

    void recordRetry(UUID notificationId, int attemptsMade, Instant nextAttempt, String reason);

    void recordFailure(UUID notificationId, int attemptsMade, String reason, Instant at);
}
