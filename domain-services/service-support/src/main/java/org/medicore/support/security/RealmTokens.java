package org.medicore.support.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** How a service checks a token of realm {@code medicore}, and how its realm roles become authorities. */
public final class RealmTokens {

    public static final String ROLE_PREFIX = "ROLE_";

    private RealmTokens() {
    }

    /** Signature by the realm's JWKS, issuer, expiry and the audience every MediCore token carries. */
    public static JwtDecoder decoder(String issuer, String jwkSetUri, String audience) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                        given -> given != null && given.contains(audience))));
        return decoder;
    }

    /** Keycloak puts realm roles under realm_access.roles; they become ROLE_ authorities. */
    public static AbstractAuthenticationToken withRealmRoles(Jwt jwt) {
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        Object roles = realmAccess == null ? List.of() : realmAccess.getOrDefault("roles", List.of());
        List<SimpleGrantedAuthority> authorities = roles instanceof Collection<?> names
                ? names.stream().map(name -> new SimpleGrantedAuthority(ROLE_PREFIX + name)).toList()
                : List.of();
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }
}
