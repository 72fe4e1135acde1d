package org.medicore.support.security;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

import java.time.Clock;
import java.util.Collection;

/** How MediCore checks a token of realm {@code medicore}. */
public final class RealmTokens {

    private RealmTokens() {
    }

    /**
     * Signature by the realm's JWKS, issuer, expiry and the audience every MediCore token carries;
     * each token is verified once and then remembered until it expires ({@link VerifiedTokens}).
     */
    public static JwtDecoder decoder(String issuer, String jwkSetUri, String audience) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
        decoder.setJwtValidator(validator(issuer, audience));
        return new VerifiedTokens(decoder, Clock.systemUTC(), VerifiedTokens.DEFAULT_CAPACITY);
    }

    /**
     * The same check where only the issuer is configured (the BFF): its signing keys are found
     * through the issuer's OpenID configuration on the first token, so start-up needs no Keycloak.
     */
    public static JwtDecoder issuerDecoder(String issuer, String audience) {
        return new VerifiedTokens(new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
            decoder.setJwtValidator(validator(issuer, audience));
            return decoder;
        }), Clock.systemUTC(), VerifiedTokens.DEFAULT_CAPACITY);
    }

    private static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                        given -> given != null && given.contains(audience)));
    }
}
