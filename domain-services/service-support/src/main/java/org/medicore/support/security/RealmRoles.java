package org.medicore.support.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The realm roles Keycloak puts in a token under {@code realm_access.roles}, read in one place for
 * the gRPC token check, the audit trail, the BFF and the HTTP APIs (fhir-api, analytics).
 */
public final class RealmRoles {

    /** The roles MediCore grants; Keycloak's own (default-roles-medicore, offline_access) are none of them. */
    public static final Set<String> MEDICORE_ROLES = Set.of("PATIENT", "DOCTOR", "BILLING", "ADMIN");

    private RealmRoles() {
    }

    /** Every realm role among {@code claims}, sorted: what the audit trail records of a caller. */
    public static List<String> all(Map<String, Object> claims) {
        if (claims.get("realm_access") instanceof Map<?, ?> realmAccess && realmAccess.get("roles") instanceof Collection<?> roles) {
            return roles.stream().map(String::valueOf).sorted().toList();
        }
        return List.of();
    }

    /** MediCore's roles of the token, sorted. */
    public static List<String> of(Jwt token) {
        return all(token.getClaims()).stream().filter(MEDICORE_ROLES::contains).toList();
    }

    /**
     * The realm roles of the token that are among {@code claimable}, as the service's own role
     * type; a role the service does not know, or one no token may claim, is left out.
     */
    public static <E extends Enum<E>> Set<E> among(Jwt token, Set<E> claimable) {
        List<String> claimed = all(token.getClaims());
        return claimable.stream().filter(role -> claimed.contains(role.name())).collect(Collectors.toUnmodifiableSet());
    }

    /** A converter giving a verified token {@link #authorities}: the one HTTP resource servers use. */
    public static JwtAuthenticationConverter authenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(RealmRoles::authorities);
        return converter;
    }

    /** MediCore's roles of the token as {@code ROLE_*} authorities. */
    public static Collection<GrantedAuthority> authorities(Jwt token) {
        return of(token).stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }
}
