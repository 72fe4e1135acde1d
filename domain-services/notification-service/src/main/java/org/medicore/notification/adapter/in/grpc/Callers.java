package org.medicore.notification.adapter.in.grpc;

import org.medicore.notification.domain.Caller;
import org.medicore.notification.domain.Role;
import org.medicore.support.security.BearerTokenCheck;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The domain {@link Caller} of the current call, from the token the shared check verified. */
final class Callers {

    private static final Set<String> KNOWN = Arrays.stream(Role.values()).map(Enum::name).collect(Collectors.toSet());

    private Callers() {
    }

    static Caller current() {
        Jwt token = BearerTokenCheck.current();
        Set<Role> roles = BearerTokenCheck.realmRoles(token).stream()
                .filter(KNOWN::contains).map(Role::valueOf).collect(Collectors.toSet());
        return new Caller(token.getSubject(), roles);
    }
}
