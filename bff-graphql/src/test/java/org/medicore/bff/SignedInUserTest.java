package org.medicore.bff;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medicore.bff.support.Demo;
import org.medicore.bff.support.WholeSystemTest;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.HttpStatus;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SignedInUserTest extends WholeSystemTest {

    @ParameterizedTest(name = "{0} sees themself as {1}")
    @CsvSource({
            "patient, PATIENT, 7a1c5b9e-3f0a-4d6b-9a51-0c3e7c1f2a01",
            "doctor,  DOCTOR,  7a1c5b9e-3f0a-4d6b-9a51-0c3e7c1f2a02",
            "billing, BILLING, 7a1c5b9e-3f0a-4d6b-9a51-0c3e7c1f2a03",
            "admin,   ADMIN,   7a1c5b9e-3f0a-4d6b-9a51-0c3e7c1f2a04"})
    void a_signed_in_user_reads_who_they_are(String user, String role, String subject) {
        as(user).document("{ me { subject email roles } }").execute()
                .path("me.subject").entity(String.class).isEqualTo(subject)
                .path("me.email").entity(String.class).isEqualTo(user + "@medicore.local")
                .path("me.roles").entityList(String.class).isEqualTo(List.of(role));
    }

    @Test
    void a_patient_finds_their_own_record_under_me_and_staff_have_none() {
        as("patient").document("{ me { patient { id name { given family } dateOfBirth } } }").execute()
                .path("me.patient.id").entity(String.class).isEqualTo(Demo.PATIENT_SUBJECT)
                .path("me.patient.name.given").entity(String.class).isEqualTo("Alice")
                .path("me.patient.dateOfBirth").entity(String.class).isEqualTo("1985-04-12");
        as("doctor").document("{ me { patient { id } } }").execute().path("me.patient").valueIsNull();
    }

    @Test
    void a_doctor_finds_their_own_practitioner_by_the_subject_of_their_account() {
        as("doctor").document("{ me { subject } practitioners(first: 100) { edges { node { keycloakSubject } } } }").execute()
                .path("practitioners.edges[*].node.keycloakSubject").entityList(String.class).contains(Demo.DOCTOR_SUBJECT);
    }

    @Test
    void without_a_token_only_registration_runs_and_anything_else_is_unauthorized() {
        anonymous().document("{ me { subject } }").execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).singleElement().satisfies(error -> {
                        assertThat(error.getErrorType()).isEqualTo(ErrorType.UNAUTHORIZED);
                        assertThat(error.getExtensions()).containsEntry("code", "UNAUTHENTICATED");
                    });
                })
                .path("me").pathDoesNotExist();
    }

    @Test
    void a_token_that_is_not_from_the_realm_is_refused() {
        String forged = SYSTEM.keycloak().accessToken("admin").replaceFirst("\\.[^.]+$", ".c2lnbmF0dXJl");

        http().post().uri("/graphql").bodyValue("{\"query\":\"{ me { subject } }\"}")
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + forged)
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
