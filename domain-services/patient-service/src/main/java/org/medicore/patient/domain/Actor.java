package org.medicore.patient.domain;

/** Who did something, as recorded with it: the caller's subject, the role they acted under, a name to show. */
public record Actor(String subject, Role role, String displayName) {

    public Actor {
        displayName = displayName == null ? "" : displayName;
    }
}
