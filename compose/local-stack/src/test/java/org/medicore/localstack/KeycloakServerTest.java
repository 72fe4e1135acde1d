package org.medicore.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class KeycloakServerTest {

    @ParameterizedTest(name = "{0} gets a signed token with realm role {1}")
    @CsvSource({
            "patient, PATIENT, 7a1c5b9e-3f0a-4d6b-9a51-0c3e7c1f2a01",
            "doctor,  DOCTOR,  7a1c5b9e-3f0a-4d6b-9a51-0c3e7c1f2a02",
            "billing, BILLING, 7a1c5b9e-3f0a-4d6b-9a51-0c3e7c1f2a03",
            "admin,   ADMIN,   7a1c5b9e-3f0a-4d6b-9a51-0c3e7c1f2a04"})
    void each_demo_user_gets_a_token_that_verifies_against_the_realm_keys(String user, String role, String subject) {
        Jwt jwt = realmDecoder().decode(TestStack.keycloak().accessToken(user));

        assertThat(jwt.getSubject()).isEqualTo(subject);
        assertThat(jwt.getAudience()).contains("medicore-api");
        List<String> otherRoles = List.of("PATIENT", "DOCTOR", "BILLING", "ADMIN").stream().filter(r -> !r.equals(role)).toList();
        assertThat(realmRoles(jwt)).contains(role).doesNotContainAnyElementsOf(otherRoles);
    }

    @Test
    void a_partner_gets_a_token_with_its_client_credentials() {
        Jwt jwt = realmDecoder().decode(TestStack.keycloak().partnerAccessToken());

        assertThat(jwt.getClaimAsString("azp")).isEqualTo(KeycloakServer.PARTNER_CLIENT);
        assertThat(jwt.getAudience()).contains("medicore-api");
    }

    /** Tests and the load client sign one demo user in many times over, at once and in quick succession. */
    @Test
    void one_user_signing_in_many_times_at_once_gets_a_token_each_time() throws Exception {
        var keycloak = TestStack.keycloak();
        List<Callable<Integer>> signIns = Collections.nCopies(12, () -> keycloak.requestToken(Map.of("grant_type", "password",
                "client_id", KeycloakServer.LOCAL_DEV_CLIENT, "username", "billing", "password", "billing-password")).statusCode());
        List<Integer> statuses = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Integer> status : threads.invokeAll(signIns)) {
                statuses.add(status.get());
            }
        }

        assertThat(statuses).containsOnly(200);
    }

    @Test
    void a_wrong_password_gets_no_token() {
        var response = TestStack.keycloak().requestToken(Map.of("grant_type", "password",
                "client_id", KeycloakServer.LOCAL_DEV_CLIENT, "username", "doctor", "password", "guess"));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void the_portal_client_cannot_use_the_password_grant() {
        var response = TestStack.keycloak().requestToken(Map.of("grant_type", "password",
                "client_id", "medicore-portal", "username", "patient", "password", "patient-password"));

        assertThat(response.statusCode()).isIn(400, 401);
    }

    private static NimbusJwtDecoder realmDecoder() {
        KeycloakServer keycloak = TestStack.keycloak();
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(keycloak.jwksUri()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(keycloak.issuer()));
        return decoder;
    }

    @SuppressWarnings("unchecked")
    private static List<String> realmRoles(Jwt jwt) {
        return (List<String>) jwt.getClaimAsMap("realm_access").get("roles");
    }
}
