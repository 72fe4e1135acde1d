package org.medicore.support.audit;

import io.grpc.Metadata;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether the end user's address a call carries in {@code x-forwarded-for} may be believed: only
 * when a front end the service trusts (by its OAuth client, {@code medicore-bff}) vouches for it
 * with its own valid token in {@code x-medicore-relay-authorization}. Anyone else can write any
 * address into that header. A vouching token is verified once and then remembered until it expires.
 */
public final class RelayingFrontEnds {

    static final Metadata.Key<String> RELAY_AUTHORIZATION =
            Metadata.Key.of("x-medicore-relay-authorization", Metadata.ASCII_STRING_MARSHALLER);

    private static final String BEARER = "Bearer ";
    private static final int REMEMBERED = 64;

    private final JwtDecoder tokens;
    private final Set<String> clients;
    private final Clock clock;
    private final Map<String, Instant> vouched = new ConcurrentHashMap<>();

    public RelayingFrontEnds(JwtDecoder tokens, Set<String> clients, Clock clock) {
        this.tokens = tokens;
        this.clients = Set.copyOf(clients);
        this.clock = clock;
    }

    /** Believes no relayed address: for a service without a token decoder. */
    public static RelayingFrontEnds none() {
        return new RelayingFrontEnds(token -> {
            throw new JwtException("no front end is trusted");
        }, Set.of(), Clock.systemUTC());
    }

    boolean vouchFor(Metadata headers) {
        String authorization = headers.get(RELAY_AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        String token = authorization.substring(BEARER.length()).strip();
        Instant now = clock.instant();
        Instant until = vouched.get(token);
        if (until != null && now.isBefore(until)) {
            return true;
        }
        try {
            Jwt jwt = tokens.decode(token);
            if (!clients.contains(jwt.getClaimAsString("azp")) || jwt.getExpiresAt() == null) {
                return false;
            }
            if (vouched.size() >= REMEMBERED) {
                vouched.clear();
            }
            vouched.put(token, jwt.getExpiresAt());
            return now.isBefore(jwt.getExpiresAt());
        } catch (JwtException refused) {
            return false;
        }
    }
}
