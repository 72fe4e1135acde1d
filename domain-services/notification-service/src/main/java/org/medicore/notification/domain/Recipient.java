package org.medicore.notification.domain;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A patient as a receiver of messages: addresses, chosen channels, the consent on each channel,
 * language, zone and quiet hours.
 */
public record Recipient(UUID patientId, Optional<String> email, Optional<String> phone, Set<Channel> channels,
                        Map<Channel, ChannelConsent> consents, Language language, ZoneId zone, QuietHours quietHours) {

    /** The channels a patient who never chose is written to (once they consent). */
    public static final Set<Channel> DEFAULT_CHANNELS = Set.of(Channel.EMAIL);

    public Recipient {
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
        channels = Set.copyOf(channels);
        Map<Channel, ChannelConsent> everyChannel = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            everyChannel.put(channel, consents.getOrDefault(channel, ChannelConsent.notGiven(channel)));
        }
        consents = Map.copyOf(everyChannel);
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(quietHours, "quietHours");
    }

    /** A patient nobody told us about: e-mail, no consent, in English in the clinic zone, with no address to send to. */
    public static Recipient unknown(UUID patientId, ZoneId clinicZone) {
        return new Recipient(patientId, Optional.empty(), Optional.empty(), DEFAULT_CHANNELS, Map.of(),
                Language.ENGLISH, clinicZone, QuietHours.NIGHT);
    }

    public ChannelConsent consentOn(Channel channel) {
        return consents.get(channel);
    }

    public Optional<String> addressOn(Channel channel) {
        return switch (channel) {
            case EMAIL -> email;
            case SMS -> phone;
        };
    }
}
