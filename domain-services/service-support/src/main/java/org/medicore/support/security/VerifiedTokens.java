package org.medicore.support.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A token decoder that checks each token once (signature, issuer, expiry, audience) and then
 * remembers the decoded token, keyed by its exact text, until it expires. A portal user's token
 * arrives with every call for minutes, and an RSA check costs far more than the call's own work.
 * The cache is bounded; refused tokens are not remembered, so they are checked every time.
 */
public final class VerifiedTokens implements JwtDecoder {

    /** Enough for every user signed in at once on one instance; each entry is a few kilobytes. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final JwtDecoder verifier;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    public VerifiedTokens(JwtDecoder verifier, Clock clock, int capacity) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(capacity)
                .ticker(() -> clock.millis() * 1_000_000L)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> lifetime(jwt, clock.instant())))
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null && !expired(known, clock.instant())) {
            return known;
        }
        Jwt jwt = verifier.decode(token);
        if (!expired(jwt, clock.instant())) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    /** How many verified tokens are remembered now (for tests and metrics). */
    public long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private static Duration lifetime(Jwt jwt, Instant now) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt == null || !expiresAt.isAfter(now) ? Duration.ZERO : Duration.between(now, expiresAt);
    }

    // The verifier allows a minute of clock skew after expiry; a remembered token is dropped at
    // its expiry itself, so the cache never accepts a token the verifier would refuse.
    private static boolean expired(Jwt jwt, Instant now) {
        return jwt.getExpiresAt() == null || !jwt.getExpiresAt().isAfter(now);
    }
}
