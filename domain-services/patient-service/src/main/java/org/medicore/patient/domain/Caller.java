package org.medicore.patient.domain;

import java.util.Set;

/** The authenticated caller of a use case: the token's subject and realm roles. */
public record Caller(String subject, Set<Role> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }
}
