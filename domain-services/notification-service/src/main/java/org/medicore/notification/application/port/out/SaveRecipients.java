package org.medicore.notification.application.port.out;

import org.medicore.notification.domain.PatientContact;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** Keeps a patient's contact details beside their choices. */
public interface SaveRecipients {

    /**
     * Sets the patient's e-mail and phone and leaves their choices (channels, language, zone, quiet
     * hours) as they are; a patient new to this service gets e-mail, English and {@code zone}.
     */
    void saveContact(UUID patientId, PatientContact contact, ZoneId zone, Instant now);
}
