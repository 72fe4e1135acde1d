package org.medicore.billing.adapter.in.grpc;

import org.medicore.billing.domain.Caller;
import org.medicore.billing.domain.Role;
import org.medicore.support.security.BearerTokenCheck;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The domain {@link Caller} of the current call, from the token the shared check verified. SYSTEM
 * is the service's own role for its changes, never one a token can claim.
 */
final class Callers {

    private static final Set<String> FROM_TOKENS = Arrays.stream(Role.values()).filter(role -> role != Role.SYSTEM)
            .map(Enum::name).collect(Collectors.toSet());

    private Callers() {
    }

    static Caller current() {
        Jwt token = BearerTokenCheck.current();
        Set<Role> roles = BearerTokenCheck.realmRoles(token).stream()
                .filter(FROM_TOKENS::contains).map(Role::valueOf).collect(Collectors.toSet());
        return new Caller(token.getSubject(), roles);
    }
}
