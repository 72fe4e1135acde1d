package org.medicore.bff;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medicore.localstack.TestStack;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;


@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MeQueryTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void realm(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestStack.keycloak().issuer());
    }

    @ParameterizedTest(name = "{0} sees themself as {1}")
    @CsvSource({
            "patient, PATIENT, 7a1c5b9e-3f0a-4d6b-9a51-0c3e7c1f2a01",
            "doctor,  DOCTOR,  7a1c5b9e-3f0a-4d6b-9a51-0c3e7c1f2a02",
            "billing, BILLING, 7a1c5b9e-3f0a-4d6b-9a51-0c3e7c1f2a03",
            "admin,   ADMIN,   7a1c5b9e-3f0a-4d6b-9a51-0c3e7c1f2a04"})
    void a_signed_in_user_reads_who_they_are(String user, String role, String subject) {
        graphQl(TestStack.keycloak().accessToken(user))
                .document("{ me { subject email roles } }")
                .execute()
                .path("me.subject").entity(String.class).isEqualTo(subject)
                .path("me.email").entity(String.class).isEqualTo(user + "@medicore.local")
                .path("me.roles").entityList(String.class).isEqualTo(List.of(role));
    }

    @Test
    void a_request_without_a_token_is_refused() {
        client().post().uri("/graphql").bodyValue("{\"query\":\"{ me { subject } }\"}")
                .header("Content-Type", "application/json")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void a_token_that_is_not_from_the_realm_is_refused() {
        String forged = TestStack.keycloak().accessToken("admin").replaceFirst("\\.[^.]+$", ".c2lnbmF0dXJl");

        client().post().uri("/graphql").bodyValue("{\"query\":\"{ me { subject } }\"}")
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + forged)
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private HttpGraphQlTester graphQl(String token) {
        return HttpGraphQlTester.builder(client().mutate().baseUrl("http://127.0.0.1:" + port + "/graphql")
                .defaultHeader("Authorization", "Bearer " + token)).build();
    }

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }
}
