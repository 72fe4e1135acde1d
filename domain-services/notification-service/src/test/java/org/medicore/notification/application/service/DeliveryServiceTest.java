package org.medicore.notification.application.service;

import org.junit.jupiter.api.Test;
import org.medicore.notification.application.port.out.ClaimDueNotifications;
import org.medicore.notification.application.port.out.ComposedMessage;
import org.medicore.notification.application.port.out.SendOnChannel;
import org.medicore.notification.domain.Channel;
import org.medicore.notification.domain.ChannelConsent;
import org.medicore.notification.domain.ClaimedNotification;
import org.medicore.notification.domain.DeliveryOutcome;
import org.medicore.notification.domain.MaskedAddress;
import org.medicore.notification.domain.MessageContent;
import org.medicore.notification.domain.Notification;
import org.medicore.notification.domain.NotificationKind;
import org.medicore.notification.domain.Recipient;
import org.medicore.notification.domain.RetryPolicy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.notification.domain.NotificationFixtures.BERLIN;
import static org.medicore.notification.domain.NotificationFixtures.aRecipient;

/** The delivery round with faked ports: what each provider answer does to a message. */
class DeliveryServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");
    private static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofSeconds(30), Duration.ofMinutes(5));

    private final Store store = new Store();
    private final ScriptedProvider mail = new ScriptedProvider(Channel.EMAIL);
    private final Map<UUID, Recipient> recipients = new HashMap<>();
    private final DeliveryService delivery = new DeliveryService(Transaction.DIRECT, store,
            patientId -> Optional.ofNullable(recipients.get(patientId)),
            (notification, recipient) -> new ComposedMessage("subject", "text", "<p>html</p>", "sms", "http://x/unsubscribe?token=t", Optional.empty()),
            List.of(mail), RETRY, 10, BERLIN, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void should_record_a_delivered_message_as_sent_with_the_providers_id() {
        Notification message = dueMessageFor(aRecipient().build());
        mail.answers(new DeliveryOutcome.Delivered("<id@x>"));

        delivery.deliverDue();

        assertThat(store.sent).containsEntry(message.id(), "<id@x>");
        assertThat(mail.sentKeys).containsExactly(message.idempotencyKey());
    }

    @Test
    void should_try_a_temporary_failure_again_later_with_growing_delays_then_give_up() {
        Notification message = dueMessageFor(aRecipient().build());
        mail.answers(new DeliveryOutcome.TemporaryFailure("421 busy"));

        delivery.deliverDue();
        assertThat(store.retries).containsExactly(new Retry(message.id(), 1, NOW.plusSeconds(30)));

        store.claimAgain(message, 1);
        mail.answers(new DeliveryOutcome.TemporaryFailure("421 busy"));
        delivery.deliverDue();
        assertThat(store.retries.getLast()).isEqualTo(new Retry(message.id(), 2, NOW.plusSeconds(60)));

        store.claimAgain(message, 2);
        mail.answers(new DeliveryOutcome.TemporaryFailure("421 busy"));
        delivery.deliverDue();
        assertThat(store.failures).containsEntry(message.id(), "gave up after 3 attempts: 421 busy");
    }

    @Test
    void should_record_a_permanent_failure_at_once() {
        Notification message = dueMessageFor(aRecipient().build());
        mail.answers(new DeliveryOutcome.PermanentFailure("550 no such user"));

        delivery.deliverDue();

        assertThat(store.failures).containsEntry(message.id(), "550 no such user");
        assertThat(store.retries).isEmpty();
    }

    @Test
    void should_fail_a_message_for_a_patient_without_an_address_without_calling_a_provider() {
        Notification message = dueMessageFor(aRecipient().withoutEmail().build());

        delivery.deliverDue();

        assertThat(store.failures).containsEntry(message.id(), "no EMAIL address for the patient");
        assertThat(mail.sentKeys).isEmpty();
    }

    @Test
    void should_withdraw_a_message_for_a_patient_nobody_told_us_about_who_never_consented() {
        UUID stranger = UUID.randomUUID();
        Notification message = new Notification(UUID.randomUUID(), "k-" + stranger, stranger,
                NotificationKind.RESULTS_READY, Channel.EMAIL, NOW, new MessageContent.ResultsReady(UUID.randomUUID()));
        store.due.add(new ClaimedNotification(message, 0));

        delivery.deliverDue();

        assertThat(store.withdrawn).containsEntry(message.id(), "no consent to EMAIL messages");
        assertThat(mail.sentKeys).isEmpty();
    }

    @Test
    void should_withdraw_a_message_on_a_channel_the_patient_never_consented_to_without_calling_a_provider() {
        Notification message = dueMessageFor(aRecipient().withConsent(ChannelConsent.notGiven(Channel.EMAIL)).build());

        delivery.deliverDue();

        assertThat(store.withdrawn).containsEntry(message.id(), "no consent to EMAIL messages");
        assertThat(store.failures).isEmpty();
        assertThat(mail.sentKeys).isEmpty();
    }

    @Test
    void should_withdraw_a_message_on_a_channel_whose_consent_the_patient_withdrew_naming_the_day_and_the_link() {
        Notification message = dueMessageFor(aRecipient().withConsent(ChannelConsent.withdrawn(Channel.EMAIL,
                Instant.parse("2026-11-30T23:30:00Z"), ChannelConsent.Source.UNSUBSCRIBE_LINK)).build());

        delivery.deliverDue();

        // the day in the patient's zone: 00:30 on 1 December in Berlin
        assertThat(store.withdrawn).containsEntry(message.id(),
                "the patient withdrew consent to EMAIL messages on 2026-12-01 (unsubscribe link)");
        assertThat(mail.sentKeys).isEmpty();
    }

    @Test
    void should_postpone_a_message_that_can_wait_to_the_end_of_quiet_hours_chosen_after_it_was_planned() {
        // 10:00 in Berlin falls in quiet hours from 09:00 to 11:00
        Notification message = dueMessageFor(aRecipient().quietFrom(LocalTime.of(9, 0), LocalTime.of(11, 0)).build());

        delivery.deliverDue();

        assertThat(store.postponed).containsEntry(message.id(), Instant.parse("2026-12-02T10:00:00Z"));
        assertThat(mail.sentKeys).isEmpty();
    }

    @Test
    void should_withdraw_a_reminder_whose_visit_comes_before_the_quiet_hours_end() {
        Recipient recipient = aRecipient().quietFrom(LocalTime.of(9, 0), LocalTime.of(11, 0)).build();
        recipients.put(recipient.patientId(), recipient);
        Notification reminder = new Notification(UUID.randomUUID(), "REMINDER:x", recipient.patientId(),
                NotificationKind.REMINDER, Channel.EMAIL, NOW, new MessageContent.AppointmentDetails(UUID.randomUUID(),
                NOW.plusSeconds(1800), NOW.plusSeconds(3600), BERLIN, 0));
        store.due.add(new ClaimedNotification(reminder, 0));

        delivery.deliverDue();

        assertThat(store.withdrawn).containsEntry(reminder.id(), "the patient's quiet hours last until the appointment");
        assertThat(mail.sentKeys).isEmpty();
    }

    @Test
    void should_fail_a_message_on_a_channel_without_a_provider() {
        Notification message = dueMessageFor(aRecipient().on(Channel.SMS).build(), Channel.SMS);

        delivery.deliverDue();

        assertThat(store.failures).containsEntry(message.id(), "no provider configured for SMS");
    }

    @Test
    void should_fail_a_message_its_template_cannot_render_and_go_on_with_the_next() {
        Notification unrenderable = dueMessageFor(aRecipient().build());
        Notification fine = dueMessageFor(aRecipient().build());
        mail.answers(new DeliveryOutcome.Delivered("<fine@x>"));
        DeliveryService picky = new DeliveryService(Transaction.DIRECT, store,
                patientId -> Optional.ofNullable(recipients.get(patientId)),
                (notification, recipient) -> {
                    if (notification.equals(unrenderable)) {
                        throw new IllegalStateException("No key 'amount' in the model");
                    }
                    return new ComposedMessage("subject", "text", "<p>html</p>", "sms", "http://x/unsubscribe?token=t", Optional.empty());
                }, List.of(mail), RETRY, 10, BERLIN, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(picky.deliverDue()).isEqualTo(2);

        assertThat(store.failures).containsEntry(unrenderable.id(),
                "could not compose the message: No key 'amount' in the model");
        assertThat(store.sent).containsEntry(fine.id(), "<fine@x>");
    }

    @Test
    void should_handle_at_most_a_batch_per_round() {
        DeliveryService smallBatches = new DeliveryService(Transaction.DIRECT, store,
                patientId -> Optional.ofNullable(recipients.get(patientId)),
                (notification, recipient) -> new ComposedMessage("s", "t", "h", "sms", "http://x/unsubscribe?token=t", Optional.empty()),
                List.of(mail), RETRY, 2, BERLIN, Clock.fixed(NOW, ZoneOffset.UTC));
        for (int i = 0; i < 3; i++) {
            dueMessageFor(aRecipient().build());
            mail.answers(new DeliveryOutcome.Delivered("<" + i + "@x>"));
        }

        assertThat(smallBatches.deliverDue()).isEqualTo(2);
        assertThat(smallBatches.deliverDue()).isEqualTo(1);
        assertThat(smallBatches.deliverDue()).isZero();
    }

    private Notification dueMessageFor(Recipient recipient) {
        return dueMessageFor(recipient, Channel.EMAIL);
    }

    private Notification dueMessageFor(Recipient recipient, Channel channel) {
        recipients.put(recipient.patientId(), recipient);
        Notification message = new Notification(UUID.randomUUID(), "RESULTS_READY:" + UUID.randomUUID() + ":" + channel,
                recipient.patientId(), NotificationKind.RESULTS_READY, channel, NOW,
                new MessageContent.ResultsReady(UUID.randomUUID()));
        store.due.add(new ClaimedNotification(message, 0));
        return message;
    }

    private record Retry(UUID id, int attempts, Instant next) {
    }

    private enum Transaction implements org.medicore.support.port.Transactions {
        DIRECT;

        @Override
        public <T> T inTransaction(java.util.function.Supplier<T> work) {
            return work.get();
        }
    }

    private static final class Store implements ClaimDueNotifications {
        final List<ClaimedNotification> due = new ArrayList<>();
        final Map<UUID, String> sent = new HashMap<>();
        final List<Retry> retries = new ArrayList<>();
        final Map<UUID, String> failures = new HashMap<>();
        final Map<UUID, String> withdrawn = new HashMap<>();
        final Map<UUID, Instant> postponed = new HashMap<>();

        void claimAgain(Notification message, int attempts) {
            due.add(new ClaimedNotification(message, attempts));
        }

        @Override
        public List<ClaimedNotification> claimDue(Instant now, int limit) {
            List<ClaimedNotification> claimed = List.copyOf(due.subList(0, Math.min(limit, due.size())));
            due.removeAll(claimed);
            return claimed;
        }

        @Override
        public void recordSent(UUID notificationId, MaskedAddress to, String providerMessageId, Instant at) {
            sent.put(notificationId, providerMessageId);
        }

        @Override
        public void recordRetry(UUID notificationId, Optional<MaskedAddress> to, int attemptsMade, Instant nextAttempt,
                                String reason) {
            retries.add(new Retry(notificationId, attemptsMade, nextAttempt));
        }

        @Override
        public void recordFailure(UUID notificationId, Optional<MaskedAddress> to, int attemptsMade, String reason,
                                  Instant at) {
            failures.put(notificationId, reason);
        }

        @Override
        public void recordWithdrawn(UUID notificationId, String reason, Instant at) {
            withdrawn.put(notificationId, reason);
        }

        @Override
        public void recordPostponed(UUID notificationId, Instant dueAgain) {
            postponed.put(notificationId, dueAgain);
        }
    }

    private static final class ScriptedProvider implements SendOnChannel {
        private final Channel channel;
        private final Deque<DeliveryOutcome> outcomes = new ArrayDeque<>();
        final List<String> sentKeys = new ArrayList<>();

        ScriptedProvider(Channel channel) {
            this.channel = channel;
        }

        void answers(DeliveryOutcome outcome) {
            outcomes.add(outcome);
        }

        @Override
        public Channel channel() {
            return channel;
        }

        @Override
        public DeliveryOutcome send(String address, ComposedMessage message, String idempotencyKey) {
            sentKeys.add(idempotencyKey);
            return outcomes.removeFirst();
        }
    }
}
