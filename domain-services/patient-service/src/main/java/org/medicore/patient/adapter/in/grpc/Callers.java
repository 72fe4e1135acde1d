package org.medicore.patient.adapter.in.grpc;

import org.medicore.patient.domain.Caller;
import org.medicore.patient.domain.Role;
import org.medicore.support.security.BearerTokenCheck;
import org.medicore.support.security.RealmRoles;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.EnumSet;
import java.util.Set;

/** The domain {@link Caller} of the current call, from the token the shared check verified. */
final class Callers {

    private static final Set<Role> KNOWN = EnumSet.allOf(Role.class);

    private Callers() {
    }

    static Caller current() {
        Jwt token = BearerTokenCheck.current();
        Set<Role> roles = RealmRoles.among(token, KNOWN);
        return new Caller(token.getSubject(), roles, displayName(token));
    }

    /** Keycloak's "name" claim (first and last name), else the user name; service accounts have only the latter. */
    private static String displayName(Jwt token) {
        String name = token.getClaimAsString("name");
        if (name == null || name.isBlank()) {
            name = token.getClaimAsString("preferred_username");
        }
        return name == null ? "" : name;
    }
}
