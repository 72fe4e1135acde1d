package org.medicore.appointment.domain;

import java.util.Objects;

/** Who did something, as recorded on the appointment. */
public record Actor(String subject, Role role) {

    public Actor {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(role, "role");
    }
}
