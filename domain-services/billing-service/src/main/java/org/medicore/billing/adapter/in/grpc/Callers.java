package org.medicore.billing.adapter.in.grpc;

import org.medicore.billing.domain.Caller;
import org.medicore.billing.domain.Role;
import org.medicore.support.security.BearerTokenCheck;
import org.medicore.support.security.RealmRoles;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.EnumSet;
import java.util.Set;

/**
 * The domain {@link Caller} of the current call, from the token the shared check verified. SYSTEM
 * is the service's own role for its changes, never one a token can claim.
 */
final class Callers {

    private static final Set<Role> FROM_TOKENS = EnumSet.complementOf(EnumSet.of(Role.SYSTEM));

    private Callers() {
    }

    static Caller current() {
        Jwt token = BearerTokenCheck.current();
        Set<Role> roles = RealmRoles.among(token, FROM_TOKENS);
        return new Caller(token.getSubject(), roles);
    }
}
