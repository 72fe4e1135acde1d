package org.medicore.localstack;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestTokensTest {

    private final NimbusJwtDecoder decoder = decoder();

    @Test
    void a_test_token_verifies_against_the_served_key_set_like_a_realm_token() {
        Jwt jwt = decoder.decode(TestTokens.forSubject("subject-1", "DOCTOR"));

        assertThat(jwt.getSubject()).isEqualTo("subject-1");
        assertThat(jwt.getAudience()).containsExactly(TestTokens.AUDIENCE);
        assertThat(jwt.getClaimAsMap("realm_access").get("roles")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.LIST).containsExactly("DOCTOR");
    }

    @Test
    void an_expired_token_and_one_signed_by_a_stranger_are_refused() {
        assertThatThrownBy(() -> decoder.decode(TestTokens.expired("subject-1", "ADMIN"))).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(TestTokens.signedByAStranger("subject-1", "ADMIN"))).isInstanceOf(JwtException.class);
    }

    private static NimbusJwtDecoder decoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(TestTokens.jwksUri()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(TestTokens.ISSUER));
        return decoder;
    }
}
