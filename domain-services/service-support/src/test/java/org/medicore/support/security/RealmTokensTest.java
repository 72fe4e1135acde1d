package org.medicore.support.security;

import org.junit.jupiter.api.Test;
import org.medicore.localstack.TestTokens;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RealmTokensTest {

    private final JwtDecoder decoder = RealmTokens.decoder(TestTokens.ISSUER, TestTokens.jwksUri(), TestTokens.AUDIENCE);

    @Test
    void a_realm_token_is_read_with_its_subject_and_realm_roles() {
        var token = decoder.decode(TestTokens.forSubject("subject-7", "DOCTOR", "ADMIN"));

        assertThat(token.getSubject()).isEqualTo("subject-7");
        assertThat(RealmRoles.all(token.getClaims())).containsExactlyInAnyOrder("DOCTOR", "ADMIN");
    }

    private enum ServiceRole { PATIENT, DOCTOR, ADMIN, SYSTEM }

    @Test
    void only_the_roles_a_service_lets_tokens_claim_become_its_roles() {
        var token = decoder.decode(TestTokens.forSubject("subject-7", "DOCTOR", "SYSTEM", "offline_access"));

        assertThat(RealmRoles.among(token, EnumSet.complementOf(EnumSet.of(ServiceRole.SYSTEM))))
                .containsExactly(ServiceRole.DOCTOR);
        assertThat(RealmRoles.among(token, EnumSet.allOf(ServiceRole.class)))
                .containsExactlyInAnyOrder(ServiceRole.DOCTOR, ServiceRole.SYSTEM);
    }

    @Test
    void only_medicores_own_roles_become_authorities_and_a_token_without_realm_access_has_none() {
        var token = decoder.decode(TestTokens.forSubject("subject-7", "offline_access", "BILLING", "default-roles-medicore", "ADMIN"));

        assertThat(RealmRoles.of(token)).containsExactly("ADMIN", "BILLING");
        assertThat(RealmRoles.authorities(token)).extracting(Object::toString).containsExactly("ROLE_ADMIN", "ROLE_BILLING");
        assertThat(RealmRoles.all(java.util.Map.of("sub", "s", "realm_access", java.util.Map.of("roles", "ADMIN")))).isEmpty();
        assertThat(RealmRoles.all(java.util.Map.of("sub", "s"))).isEmpty();
    }

    @Test
    void a_token_for_another_audience_an_expired_one_and_a_strangers_are_refused() {
        assertThatThrownBy(() -> decoder.decode(TestTokens.forAnotherAudience("s", "ADMIN"))).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(TestTokens.expired("s", "ADMIN"))).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(TestTokens.signedByAStranger("s", "ADMIN"))).isInstanceOf(JwtException.class);
    }

    @Test
    void expiry_is_judged_by_the_services_time_not_the_hosts() {
        String fresh = TestTokens.forSubject("s", "ADMIN"); // valid for an hour
        JwtDecoder twoHoursAhead = RealmTokens.decoder(TestTokens.ISSUER, TestTokens.jwksUri(), TestTokens.AUDIENCE,
                Clock.offset(Clock.systemUTC(), Duration.ofHours(2)));

        assertThatThrownBy(() -> twoHoursAhead.decode(fresh)).isInstanceOf(JwtException.class);
        assertThat(decoder.decode(fresh).getSubject()).isEqualTo("s");
    }
}
