package org.medicore.notification.application.service;

import org.medicore.notification.application.port.in.ManageMessagePreferences;
import org.medicore.notification.application.port.in.UnsubscribeByLink;
import org.medicore.notification.application.port.out.ErasePatients;
import org.medicore.notification.application.port.out.LoadRecipients;
import org.medicore.notification.application.port.out.ReadUnsubscribeTokens;
import org.medicore.notification.application.port.out.SaveRecipients;
import org.medicore.notification.application.port.out.ScheduleNotifications;
import org.medicore.notification.domain.Caller;
import org.medicore.notification.domain.Channel;
import org.medicore.notification.domain.ChannelConsent;
import org.medicore.notification.domain.PreferenceAccess;
import org.medicore.notification.domain.Recipient;
import org.medicore.support.port.Outcome;
import org.medicore.support.port.Refusal;
import org.medicore.support.port.Transactions;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/**
 * The patient's channels, consent and quiet hours, changed on the profile or by a message's
 * unsubscribe link. A withdrawn consent withdraws the patient's pending messages on the channel in
 * the same transaction, so staff see at once what will not go out, and why. A patient erased on request
 * keeps nothing here: their choices can't be set again (NOT_FOUND, as patient-service answers), and their
 * old links change nothing.
 */
public final class MessagePreferencesService implements ManageMessagePreferences, UnsubscribeByLink {

    private static final Refusal NO_LINK_OF_OURS = Refusal.Invalid.of("token", "is not an unsubscribe link of this service");

    private final Transactions transactions;
    private final LoadRecipients recipients;
    private final SaveRecipients savedRecipients;
    private final ScheduleNotifications notifications;
    private final ReadUnsubscribeTokens tokens;
    private final ErasePatients erasures;
    private final ZoneId clinicZone;
    private final Clock clock;

    public MessagePreferencesService(Transactions transactions, LoadRecipients recipients,
                                     SaveRecipients savedRecipients, ScheduleNotifications notifications,
                                     ReadUnsubscribeTokens tokens, ErasePatients erasures, ZoneId clinicZone,
                                     Clock clock) {
        this.transactions = transactions;
        this.recipients = recipients;
        this.savedRecipients = savedRecipients;
        this.notifications = notifications;
        this.tokens = tokens;
        this.erasures = erasures;
        this.clinicZone = clinicZone;
        this.clock = clock;
    }

    @Override
    public Outcome<Recipient> read(Caller caller, UUID patientId) {
        if (!PreferenceAccess.mayRead(caller, patientId)) {
            return Outcome.refused(NotificationRefusals.NOT_ALLOWED);
        }
        return Outcome.done(recipient(patientId));
    }

    @Override
    public Outcome<Recipient> change(Caller caller, Change change) {
        Optional<ChannelConsent.Source> source = PreferenceAccess.changeSource(caller, change.patientId());
        if (source.isEmpty()) {
            return Outcome.refused(NotificationRefusals.NOT_ALLOWED);
        }
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            UUID patientId = change.patientId();
            if (erasures.isErased(patientId)) {
                return Outcome.<Recipient>refused(new Refusal.NotFound("patient", patientId.toString()));
            }
            savedRecipients.saveChoices(patientId, change.channels(), change.quietHours(), clinicZone, now);
            Recipient current = recipient(patientId);
            change.consentedChannels().ifPresent(consented -> {
                for (Channel channel : Channel.values()) {
                    boolean given = current.consentOn(channel).isGiven();
                    if (consented.contains(channel) && !given) {
                        savedRecipients.saveConsent(patientId, ChannelConsent.given(channel, now, source.get()));
                    } else if (!consented.contains(channel) && given) {
                        withdraw(current, ChannelConsent.withdrawn(channel, now, source.get()), now);
                    }
                }
            });
            return Outcome.done(recipient(patientId));
        });
    }

    @Override
    public Outcome<Link> look(String token) {
        return outcome(tokens.read(token, clock.instant()));
    }

    @Override
    public Outcome<Link> unsubscribe(String token) {
        ReadUnsubscribeTokens.Reading reading = tokens.read(token, clock.instant());
        if (reading instanceof ReadUnsubscribeTokens.Reading.Valid valid) {
            UUID patientId = valid.token().patientId();
            Channel channel = valid.token().channel();
            transactions.inTransaction(() -> {
                if (erasures.isErased(patientId)) {
                    return null;
                }
                Instant now = clock.instant();
                Recipient current = recipient(patientId);
                // a second click keeps the first withdrawal's time
                if (current.consentOn(channel).state() != ChannelConsent.State.WITHDRAWN) {
                    withdraw(current, ChannelConsent.withdrawn(channel, now, ChannelConsent.Source.UNSUBSCRIBE_LINK), now);
                }
                return null;
            });
        }
        return outcome(reading);
    }

    private Outcome<Link> outcome(ReadUnsubscribeTokens.Reading reading) {
        return switch (reading) {
            case ReadUnsubscribeTokens.Reading.Valid valid -> Outcome.done(
                    new Link.Good(valid.token().channel(), recipient(valid.token().patientId()).language()));
            case ReadUnsubscribeTokens.Reading.Expired expired ->
                    Outcome.done(new Link.Expired(recipient(expired.token().patientId()).language()));
            case ReadUnsubscribeTokens.Reading.Forged forged -> Outcome.refused(NO_LINK_OF_OURS);
            case ReadUnsubscribeTokens.Reading.Malformed malformed -> Outcome.refused(NO_LINK_OF_OURS);
        };
    }

    private void withdraw(Recipient recipient, ChannelConsent withdrawn, Instant now) {
        savedRecipients.saveConsent(recipient.patientId(), withdrawn);
        notifications.withdrawPending(recipient.patientId(), withdrawn.channel(), withdrawn.whyNotSent(recipient.zone()),
                now);
    }

    private Recipient recipient(UUID patientId) {
        return recipients.find(patientId).orElseGet(() -> Recipient.unknown(patientId, clinicZone));
    }
}
