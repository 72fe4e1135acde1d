package org.medicore.lab.adapter.in.grpc;

import org.medicore.lab.domain.Caller;
import org.medicore.lab.domain.Role;
import org.medicore.support.security.BearerTokenCheck;
import org.medicore.support.security.RealmRoles;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.EnumSet;
import java.util.Set;

/** The domain {@link Caller} of the current call, from the token the shared check verified. */
final class Callers {

    // SYSTEM is the service's own, never a role a token may claim
    private static final Set<Role> KNOWN = EnumSet.complementOf(EnumSet.of(Role.SYSTEM));

    private Callers() {
    }

    static Caller current() {
        Jwt token = BearerTokenCheck.current();
        Set<Role> roles = RealmRoles.among(token, KNOWN);
        return new Caller(token.getSubject(), roles);
    }
}
