package org.medicore.support.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

    private final MovableClock clock = new MovableClock(NOW);
    private final List<String> verifications = new ArrayList<>();

    /** A verifier that counts its work; tokens named "bad..." are refused, the others expire in five minutes. */
    private final JwtDecoder verifier = token -> {
        verifications.add(token);
        if (token.startsWith("bad")) {
            throw new JwtException("signature does not match");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("subject-of-" + token)
                .issuedAt(NOW).expiresAt(NOW.plus(Duration.ofMinutes(5))).build();
    };

    @Test
    void a_token_is_verified_once_and_then_remembered() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, clock, 100);

        Jwt first = tokens.decode("token-a");
        Jwt again = tokens.decode("token-a");

        assertThat(again).isSameAs(first);
        assertThat(verifications).containsExactly("token-a");
    }

    @Test
    void an_expired_token_is_verified_again_so_the_verifier_refuses_it() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, clock, 100);
        tokens.decode("token-a");

        clock.advance(Duration.ofMinutes(5));
        tokens.decode("token-a");

        assertThat(verifications).containsExactly("token-a", "token-a");
    }

    @Test
    void a_refused_token_is_never_remembered() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, clock, 100);

        assertThatThrownBy(() -> tokens.decode("bad-token")).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> tokens.decode("bad-token")).isInstanceOf(JwtException.class);

        assertThat(verifications).containsExactly("bad-token", "bad-token");
        assertThat(tokens.size()).isZero();
    }

    @Test
    void the_memory_is_bounded() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, clock, 10);

        for (int i = 0; i < 1_000; i++) {
            tokens.decode("token-" + i);
        }

        assertThat(tokens.size()).isLessThanOrEqualTo(10);
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
