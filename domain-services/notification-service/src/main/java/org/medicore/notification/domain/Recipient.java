package org.medicore.notification.domain;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A patient as a receiver of messages: addresses, chosen channels, language, zone and quiet hours. */
public record Recipient(UUID patientId, Optional<String> email, Optional<String> phone, Set<Channel> channels,
                        Language language, ZoneId zone, QuietHours quietHours) {

    public Recipient {
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
        channels = Set.copyOf(channels);
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(quietHours, "quietHours");
    }

    /** A patient nobody told us about: e-mail in English in the clinic zone, with no address to send to. */
    public static Recipient unknown(UUID patientId, ZoneId clinicZone) {
        return new Recipient(patientId, Optional.empty(), Optional.empty(), Set.of(Channel.EMAIL), Language.ENGLISH,
                clinicZone, QuietHours.NIGHT);
    }

    public Optional<String> addressOn(Channel channel) {
        return switch (channel) {
            case EMAIL -> email;
            case SMS -> phone;
        };
    }
}
