package org.medicore.localstack;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class KeycloakServerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest(name = "{0} gets a signed token with realm role {1}")
    @CsvSource({
            "patient, PATIENT, 7a1c5b9e-3f0a-4d6b-9a51-0c3e7c1f2a01",
            "doctor,  DOCTOR,  7a1c5b9e-3f0a-4d6b-9a51-0c3e7c1f2a02",
            "billing, BILLING, 7a1c5b9e-3f0a-4d6b-9a51-0c3e7c1f2a03",
            "admin,   ADMIN,   7a1c5b9e-3f0a-4d6b-9a51-0c3e7c1f2a04"})
    void each_demo_user_gets_a_token_that_verifies_against_the_realm_keys(String user, String role, String subject) throws Exception {
        String token = token(Map.of("grant_type", "password", "client_id", "medicore-local-dev",
                "username", user, "password", user + "-password"));

        Jwt jwt = realmDecoder().decode(token);

        assertThat(jwt.getSubject()).isEqualTo(subject);
        assertThat(jwt.getAudience()).contains("medicore-api");
        assertThat(realmRoles(jwt)).contains(role)
                .doesNotContainAnyElementsOf(List.of("PATIENT", "DOCTOR", "BILLING", "ADMIN").stream().filter(r -> !r.equals(role)).toList());
    }

    @Test
    void a_partner_gets_a_token_with_its_client_credentials() throws Exception {
        String token = token(Map.of("grant_type", "client_credentials", "client_id", "medicore-partner",
                "client_secret", "medicore-partner-secret"));

        Jwt jwt = realmDecoder().decode(token);

        assertThat(jwt.getClaimAsString("azp")).isEqualTo("medicore-partner");
        assertThat(jwt.getAudience()).contains("medicore-api");
    }

    @Test
    void a_wrong_password_gets_no_token() throws Exception {
        HttpResponse<String> response = post(Map.of("grant_type", "password", "client_id", "medicore-local-dev",
                "username", "doctor", "password", "guess"));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    private static NimbusJwtDecoder realmDecoder() {
        KeycloakServer keycloak = TestStack.keycloak();
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(keycloak.jwksUri()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(keycloak.issuer()));
        return decoder;
    }

    @SuppressWarnings("unchecked")
    private static List<String> realmRoles(Jwt jwt) {
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        return (List<String>) realmAccess.get("roles");
    }

    private static String token(Map<String, String> form) throws Exception {
        HttpResponse<String> response = post(form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    private static HttpResponse<String> post(Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(TestStack.keycloak().tokenEndpoint()))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
