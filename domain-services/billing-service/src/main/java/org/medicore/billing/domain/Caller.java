package org.medicore.billing.domain;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The authenticated caller of a use case: the token subject and its realm roles. */
public record Caller(String subject, Set<Role> roles) {

    private static final List<Role> BY_PRIVILEGE = List.of(Role.ADMIN, Role.BILLING, Role.DOCTOR, Role.PATIENT);

    public Caller {
        Objects.requireNonNull(subject, "subject");
        roles = Set.copyOf(roles);
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    /** The caller as recorded on a change: under their most privileged role. */
    public Actor asActor() {
        return new Actor(subject, BY_PRIVILEGE.stream().filter(roles::contains).findFirst().orElse(Role.SYSTEM));
    }
}
