package org.medicore.notification.application.port.out;

import org.medicore.notification.domain.ClaimedNotification;
import org.medicore.notification.domain.MaskedAddress;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Due messages, locked for the calling transaction (other instances skip them), and what became
 * of each. Call inside one transaction.
 */
public interface ClaimDueNotifications {

    List<ClaimedNotification> claimDue(Instant now, int limit);

    /** {@code to}: the address tried, masked; empty when the patient had none on the channel. */
    void recordSent(UUID notificationId, MaskedAddress to, String providerMessageId, Instant at);

    void recordRetry(UUID notificationId, Optional<MaskedAddress> to, int attemptsMade, Instant nextAttempt,
                     String reason);

    void recordFailure(UUID notificationId, Optional<MaskedAddress> to, int attemptsMade, String reason, Instant at);

    /** Not sent, and never will be (no consent, or the quiet hours last until the visit): no attempt was made. */
    void recordWithdrawn(UUID notificationId, String reason, Instant at);

    /** Not sent yet: due again at {@code dueAgain} (the patient's quiet hours had begun); no attempt was made. */
    void recordPostponed(UUID notificationId, Instant dueAgain);
}
