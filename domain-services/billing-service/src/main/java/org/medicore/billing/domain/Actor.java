package org.medicore.billing.domain;

import java.util.Objects;

/** Who made a change, as recorded on it. */
public record Actor(String subject, Role role) {

    public static final Actor SYSTEM = new Actor("billing-service", Role.SYSTEM);

    public Actor {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(role, "role");
    }
}
