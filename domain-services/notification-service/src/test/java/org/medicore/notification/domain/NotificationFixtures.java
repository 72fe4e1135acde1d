package org.medicore.notification.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Builders for the domain's values, so a test names only what it is about. */
public final class NotificationFixtures {

    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private NotificationFixtures() {
    }

    public static RecipientBuilder aRecipient() {
        return new RecipientBuilder();
    }

    public static AppointmentCalendar anAppointmentAt(Instant start) {
        return AppointmentCalendar.booked(UUID.randomUUID(), UUID.randomUUID(), BERLIN, start,
                start.plusSeconds(30 * 60));
    }

    public static final class RecipientBuilder {
        private UUID patientId = UUID.randomUUID();
        private String email = "alice@example.org";
        private String phone = "+4930123456";
        private Set<Channel> channels = EnumSet.of(Channel.EMAIL);
        private Language language = Language.ENGLISH;
        private ZoneId zone = BERLIN;
        private QuietHours quietHours = QuietHours.NIGHT;
        /** Consent given on every channel, so a test about something else sends. */
        private final Map<Channel, ChannelConsent> consents = new EnumMap<>(Map.of(
                Channel.EMAIL, ChannelConsent.given(Channel.EMAIL, Instant.parse("2026-01-01T00:00:00Z"),
                        ChannelConsent.Source.PATIENT),
                Channel.SMS, ChannelConsent.given(Channel.SMS, Instant.parse("2026-01-01T00:00:00Z"),
                        ChannelConsent.Source.PATIENT)));

        public RecipientBuilder patient(UUID patientId) {
            this.patientId = patientId;
            return this;
        }

        public RecipientBuilder on(Channel... channels) {
            this.channels = channels.length == 0 ? EnumSet.noneOf(Channel.class) : EnumSet.of(channels[0], channels);
            return this;
        }

        public RecipientBuilder speaking(Language language) {
            this.language = language;
            return this;
        }

        public RecipientBuilder livingIn(ZoneId zone) {
            this.zone = zone;
            return this;
        }

        public RecipientBuilder quietFrom(LocalTime start, LocalTime end) {
            this.quietHours = new QuietHours(start, end);
            return this;
        }

        public RecipientBuilder withConsent(ChannelConsent consent) {
            this.consents.put(consent.channel(), consent);
            return this;
        }

        public RecipientBuilder withoutEmail() {
            this.email = null;
            return this;
        }

        public Recipient build() {
            return new Recipient(patientId, Optional.ofNullable(email), Optional.ofNullable(phone), channels, consents,
                    language, zone, quietHours);
        }
    }
}
