package org.medicore.support.security;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

import java.time.Clock;
import java.util.Collection;

/** How MediCore checks a token of realm {@code medicore}. */
public final class RealmTokens {

    private RealmTokens() {
    }

    /** {@link #decoder(String, String, String, Clock)} by the host's clock, for a service that keeps no database. */
    public static JwtDecoder decoder(String issuer, String jwkSetUri, String audience) {
        return decoder(issuer, jwkSetUri, audience, Clock.systemUTC());
    }

    /**
     * Signature by the realm's JWKS, issuer, expiry and the audience every MediCore token carries;
     * each token is verified once and then remembered until it expires ({@link VerifiedTokens}).
     * Expiry is judged by {@code clock}, the service's own time, so a service that keeps its
     * database's time while its host drifts ({@code DatabaseTime}) does not refuse valid tokens as expired.
     */
    public static JwtDecoder decoder(String issuer, String jwkSetUri, String audience, Clock clock) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
        decoder.setJwtValidator(validator(issuer, audience, clock));
        return new VerifiedTokens(decoder, clock, VerifiedTokens.DEFAULT_CAPACITY);
    }

    /**
     * The same check where only the issuer is configured (the BFF): its signing keys are found
     * through the issuer's OpenID configuration on the first token, so start-up needs no Keycloak.
     */
    public static JwtDecoder issuerDecoder(String issuer, String audience) {
        return new VerifiedTokens(new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
            decoder.setJwtValidator(validator(issuer, audience, Clock.systemUTC()));
            return decoder;
        }), Clock.systemUTC(), VerifiedTokens.DEFAULT_CAPACITY);
    }

    private static OAuth2TokenValidator<Jwt> validator(String issuer, String audience, Clock clock) {
        JwtTimestampValidator expiry = new JwtTimestampValidator();
        expiry.setClock(clock);
        return JwtValidators.createDefaultWithValidators(expiry, new JwtIssuerValidator(issuer),
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                        given -> given != null && given.contains(audience)));
    }
}
