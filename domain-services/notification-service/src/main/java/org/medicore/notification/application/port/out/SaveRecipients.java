package org.medicore.notification.application.port.out;

import org.medicore.notification.domain.Channel;
import org.medicore.notification.domain.ChannelConsent;
import org.medicore.notification.domain.PatientContact;
import org.medicore.notification.domain.QuietHours;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Keeps a patient's contact details and language beside their choices. */
public interface SaveRecipients {

    /**
     * Sets the patient's e-mail and phone, and their language when the record names one, and leaves
     * their other choices (channels, zone, quiet hours) as they are; a patient new to this service
     * gets e-mail, English unless the record says otherwise, and {@code zone}.
     */
    void saveContact(UUID patientId, PatientContact contact, ZoneId zone, Instant now);

    /**
     * Sets the patient's chosen channels and quiet hours where given, keeping the rest; a patient new
     * to this service gets a row without addresses in {@code zone} (patient-service's event fills them).
     */
    void saveChoices(UUID patientId, Optional<Set<Channel>> channels, Optional<QuietHours> quietHours, ZoneId zone,
                     Instant now);

    /** Records the patient's consent on its channel as it now stands. */
    void saveConsent(UUID patientId, ChannelConsent consent);
}
