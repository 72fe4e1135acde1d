package org.medicore.notification.domain;

import java.util.Objects;
import java.util.Set;

/** The authenticated caller of a read: the token subject and its realm roles. */
public record Caller(String subject, Set<Role> roles) {

    public Caller {
        Objects.requireNonNull(subject, "subject");
        roles = Set.copyOf(roles);
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }
}
