package org.medicore.lab.domain;

import java.util.Set;

/** Who is calling: the token subject and realm roles. */
public record Caller(String subject, Set<Role> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    /** The role recorded as the uploader's: the strongest one the caller holds. */
    public Role actingRole() {
        for (Role role : new Role[] {Role.ADMIN, Role.DOCTOR, Role.PATIENT, Role.SYSTEM}) {
            if (is(role)) {
                return role;
            }
        }
        return Role.BILLING;
    }
}
