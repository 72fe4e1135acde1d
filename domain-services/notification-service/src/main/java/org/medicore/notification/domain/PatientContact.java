package org.medicore.notification.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * How to reach a patient, as patient-service records it: an e-mail address and a phone number in
 * E.164 form, where given, and the language the patient chose, where it is one messages are written in.
 */
public record PatientContact(Optional<String> email, Optional<String> phone, Optional<Language> language) {

    public PatientContact {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(language, "language");
    }
}
