package org.medicore.support.audit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.medicore.support.security.VerifiedTokens;

import java.time.Duration;

/**
 * The callers named by the bearer tokens the audit has seen, keyed by the header's exact text.
 * A portal user's token arrives with every call for minutes, and reading its claims again for
 * each record cost about a tenth of a service's CPU in the doctor's read benchmark. What a token's text says never
 * changes, so remembering it changes no record; the bound keeps a flood of new tokens from
 * growing the heap, and a token unused for its longest lifetime is dropped.
 */
final class KnownCallers {

    private static final Duration LONGEST_TOKEN_LIFETIME = Duration.ofMinutes(30);

    private final Cache<String, CallerClaims> byAuthorization = Caffeine.newBuilder()
            .maximumSize(VerifiedTokens.DEFAULT_CAPACITY)
            .expireAfterAccess(LONGEST_TOKEN_LIFETIME)
            .build();

    CallerClaims of(String authorization) {
        return authorization == null ? CallerClaims.ANONYMOUS : byAuthorization.get(authorization, CallerClaims::of);
    }
}
