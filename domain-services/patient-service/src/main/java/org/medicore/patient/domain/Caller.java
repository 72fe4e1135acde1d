package org.medicore.patient.domain;

import java.util.List;
import java.util.Set;

/** The authenticated caller of a use case: the token's subject, realm roles and a name to show (may be empty). */
public record Caller(String subject, Set<Role> roles, String displayName) {

    /** When a caller holds several roles, the record names the most powerful one. */
    private static final List<Role> PRECEDENCE = List.of(Role.ADMIN, Role.DOCTOR, Role.BILLING, Role.PATIENT);

    public Caller {
        roles = Set.copyOf(roles);
        displayName = displayName == null ? "" : displayName;
    }

    public Caller(String subject, Set<Role> roles) {
        this(subject, roles, "");
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    /** The caller as the author of what they record. */
    public Actor asActor() {
        Role role = PRECEDENCE.stream().filter(this::is).findFirst()
                .orElseThrow(() -> new IllegalStateException("a caller without a realm role cannot act"));
        return new Actor(subject, role, displayName);
    }
}
