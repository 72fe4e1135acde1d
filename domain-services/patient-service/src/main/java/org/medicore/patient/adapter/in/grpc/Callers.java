package org.medicore.patient.adapter.in.grpc;

import org.medicore.support.security.RealmTokens;

import org.medicore.patient.domain.Caller;
import org.medicore.patient.domain.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The domain {@link Caller} of the current call, from the principal Spring Security authenticated. */
final class Callers {

    static final String ROLE_PREFIX = RealmTokens.ROLE_PREFIX;

    private Callers() {
    }

    static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("a call reached the endpoint without an authenticated principal");
        }
        Set<String> known = Arrays.stream(Role.values()).map(Enum::name).collect(Collectors.toSet());
        Set<Role> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(ROLE_PREFIX)).map(a -> a.substring(ROLE_PREFIX.length()))
                .filter(known::contains).map(Role::valueOf).collect(Collectors.toSet());
        return new Caller(authentication.getName(), roles, displayName(authentication));
    }

    /** Keycloak's "name" claim (first and last name), else the user name; service accounts have only the latter. */
    private static String displayName(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken jwt)) {
            return "";
        }
        String name = jwt.getToken().getClaimAsString("name");
        if (name == null || name.isBlank()) {
            name = jwt.getToken().getClaimAsString("preferred_username");
        }
        return name == null ? "" : name;
    }
}
