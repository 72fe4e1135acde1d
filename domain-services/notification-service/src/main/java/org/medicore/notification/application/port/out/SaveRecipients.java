package org.medicore.notification.application.port.out;

import org.medicore.notification.domain.PatientContact;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** Keeps a patient's contact details and language beside their choices. */
public interface SaveRecipients {

    /**
     * Sets the patient's e-mail and phone, and their language when the record names one, and leaves
     * their other choices (channels, zone, quiet hours) as they are; a patient new to this service
     * gets e-mail, English unless the record says otherwise, and {@code zone}.
     */
    void saveContact(UUID patientId, PatientContact contact, ZoneId zone, Instant now);
}
