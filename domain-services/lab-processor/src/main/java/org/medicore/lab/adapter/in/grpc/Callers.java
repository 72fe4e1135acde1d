package org.medicore.lab.adapter.in.grpc;

import org.medicore.lab.domain.Caller;
import org.medicore.lab.domain.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The domain {@link Caller} of the current call, from the authenticated principal. */
final class Callers {

    private Callers() {
    }

    static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("a call reached the endpoint without an authenticated principal");
        }
        // SYSTEM is the service's own, never a role a token may claim
        Set<String> known = Arrays.stream(Role.values()).filter(role -> role != Role.SYSTEM).map(Enum::name)
                .collect(Collectors.toSet());
        Set<Role> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring("ROLE_".length()))
                .filter(known::contains).map(Role::valueOf).collect(Collectors.toSet());
        return new Caller(authentication.getName(), roles);
    }
}
