package org.medicore.notification.application.service;

import org.medicore.notification.application.port.in.DeliverDueNotifications;
import org.medicore.notification.application.port.out.ClaimDueNotifications;
import org.medicore.notification.application.port.out.ComposeMessages;
import org.medicore.notification.application.port.out.ComposedMessage;
import org.medicore.notification.application.port.out.LoadRecipients;
import org.medicore.notification.application.port.out.SendOnChannel;
import org.medicore.support.port.Transactions;
import org.medicore.notification.domain.Channel;
import org.medicore.notification.domain.ChannelConsent;
import org.medicore.notification.domain.ClaimedNotification;
import org.medicore.notification.domain.DeliveryOutcome;
import org.medicore.notification.domain.MaskedAddress;
import org.medicore.notification.domain.MessageContent;
import org.medicore.notification.domain.Notification;
import org.medicore.notification.domain.Recipient;
import org.medicore.notification.domain.RetryPolicy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends due messages, each in a transaction of its own: the message's row is claimed locked
 * (other instances skip it), sent, and its outcome written before the commit. A crash after the
 * provider accepted a message but before the commit sends that one message once more, with the
 * same Message-ID, and loses none; one message's trouble never undoes another's record.
 * The patient's choices are read as they are when a message goes, not as they were when it was
 * planned: a message on a channel without consent is withdrawn with the reason, never sent; one
 * that can wait and falls into quiet hours chosen since is postponed to their end.
 */
public final class DeliveryService implements DeliverDueNotifications {

    private final Transactions transactions;
    private final ClaimDueNotifications store;
    private final LoadRecipients recipients;
    private final ComposeMessages composer;
    private final Map<Channel, SendOnChannel> channels = new EnumMap<>(Channel.class);
    private final RetryPolicy retry;
    private final int batchSize;
    private final ZoneId clinicZone;
    private final Clock clock;

    public DeliveryService(Transactions transactions, ClaimDueNotifications store, LoadRecipients recipients,
                           ComposeMessages composer, List<SendOnChannel> channels, RetryPolicy retry, int batchSize,
                           ZoneId clinicZone, Clock clock) {
        this.transactions = transactions;
        this.store = store;
        this.recipients = recipients;
        this.composer = composer;
        channels.forEach(channel -> this.channels.put(channel.channel(), channel));
        this.retry = retry;
        this.batchSize = batchSize;
        this.clinicZone = clinicZone;
        this.clock = clock;
    }

    @Override
    public int deliverDue() {
        int handled = 0;
        while (handled < batchSize && deliverOne()) {
            handled++;
        }
        return handled;
    }

    private boolean deliverOne() {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            List<ClaimedNotification> due = store.claimDue(now, 1);
            due.forEach(claimed -> deliver(claimed, now));
            return !due.isEmpty();
        });
    }

    private void deliver(ClaimedNotification claimed, Instant now) {
        Notification notification = claimed.notification();
        int attempts = claimed.attemptsMade() + 1;
        Recipient recipient = recipients.find(notification.patientId())
                .orElseGet(() -> Recipient.unknown(notification.patientId(), clinicZone));
        ChannelConsent consent = recipient.consentOn(notification.channel());
        if (!consent.isGiven()) {
            store.recordWithdrawn(notification.id(), consent.whyNotSent(recipient.zone()), now);
            return;
        }
        if (notification.kind().waitsForQuietHours() && recipient.quietHours().covers(now, recipient.zone())) {
            postponePastQuietHours(notification, recipient, now);
            return;
        }
        Optional<String> address = recipient.addressOn(notification.channel());
        // staff see where a message went; the address itself stays with the patient's record
        Optional<MaskedAddress> to = address.map(shown -> MaskedAddress.of(notification.channel(), shown));
        switch (attempt(notification, recipient, address)) {
            case DeliveryOutcome.Delivered delivered ->
                    store.recordSent(notification.id(), to.orElseThrow(), delivered.providerMessageId(), now);
            case DeliveryOutcome.TemporaryFailure failure -> retry.nextAttempt(attempts, now).ifPresentOrElse(
                    next -> store.recordRetry(notification.id(), to, attempts, next, failure.reason()),
                    () -> store.recordFailure(notification.id(), to, attempts,
                            "gave up after " + attempts + " attempts: " + failure.reason(), now));
            case DeliveryOutcome.PermanentFailure failure ->
                    store.recordFailure(notification.id(), to, attempts, failure.reason(), now);
        }
    }

    /** A reminder the night would push past its visit is not sent at all; the rest wait for the morning. */
    private void postponePastQuietHours(Notification notification, Recipient recipient, Instant now) {
        Optional<Instant> later = notification.content() instanceof MessageContent.AppointmentDetails visit
                ? recipient.quietHours().reminderTime(now, visit.start(), now, recipient.zone())
                : Optional.of(recipient.quietHours().earliestFrom(now, recipient.zone()));
        later.filter(now::isBefore).ifPresentOrElse(at -> store.recordPostponed(notification.id(), at),
                () -> store.recordWithdrawn(notification.id(),
                        "the patient's quiet hours last until the appointment", now));
    }

    private DeliveryOutcome attempt(Notification notification, Recipient recipient, Optional<String> address) {
        SendOnChannel channel = channels.get(notification.channel());
        if (address.isEmpty()) {
            return new DeliveryOutcome.PermanentFailure("no " + notification.channel() + " address for the patient");
        }
        if (channel == null) {
            return new DeliveryOutcome.PermanentFailure("no provider configured for " + notification.channel());
        }
        ComposedMessage message;
        try {
            message = composer.compose(notification, recipient);
        } catch (RuntimeException e) {
            // a template that can't render this message would fail it on every round: record it for staff
            return new DeliveryOutcome.PermanentFailure("could not compose the message: " + e.getMessage());
        }
        return channel.send(address.get(), message, notification.idempotencyKey());
    }
}
