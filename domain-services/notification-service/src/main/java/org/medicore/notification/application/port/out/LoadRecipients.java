package org.medicore.notification.application.port.out;

import org.medicore.notification.domain.Recipient;

import java.util.Optional;
import java.util.UUID;

/** A patient's addresses and choices, where known. */
public interface LoadRecipients {

    Optional<Recipient> find(UUID patientId);
}
