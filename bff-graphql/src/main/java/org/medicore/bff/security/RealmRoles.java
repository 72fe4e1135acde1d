package org.medicore.bff.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The MediCore realm roles of a Keycloak token ({@code realm_access.roles}), as {@code ROLE_*} authorities. */
public final class RealmRoles {

    public static final Set<String> MEDICORE_ROLES = Set.of("PATIENT", "DOCTOR", "BILLING", "ADMIN");

    private RealmRoles() {
    }

    public static List<String> of(Jwt jwt) {
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        if (realmAccess == null || !(realmAccess.get("roles") instanceof Collection<?> roles)) {
            return List.of();
        }
        return roles.stream().map(String::valueOf).filter(MEDICORE_ROLES::contains).sorted().toList();
    }

    public static Collection<GrantedAuthority> authorities(Jwt jwt) {
        return of(jwt).stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }
}
