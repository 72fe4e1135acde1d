package org.medicore.bff;

import org.junit.jupiter.api.Test;
import org.medicore.bff.support.Demo;
import org.medicore.bff.support.WholeSystemTest;
import org.medicore.localstack.TestSystem;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Bad input, abusive queries and a service that is down: clear errors on the field, never a stack trace. */
class ErrorsAndLimitsTest extends WholeSystemTest {

    @Test
    void a_services_field_violations_come_back_as_bad_request_with_the_fields_in_the_schemas_spelling() {
        long version = as("patient").document("{ me { patient { version } } }").execute()
                .path("me.patient.version").entity(Long.class).get();

        as("patient").document("""
                        mutation($input: UpdatePatientInput!) { updatePatient(input: $input) { id } }""")
                .variable("input", Map.of("patientId", Demo.PATIENT_SUBJECT, "expectedVersion", version,
                        "contact", Map.of("email", "not-an-email"), "preferredLanguage", "fr"))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(error.getPath()).isEqualTo("updatePatient");
                    assertThat(error.getExtensions()).containsEntry("code", "INVALID_ARGUMENT");
                    assertThat((List<Map<String, String>>) error.getExtensions().get("violations"))
                            .extracting(v -> v.get("field")).contains("contact.email", "preferredLanguage");
                }));
    }

    @Test
    void control_characters_in_a_name_are_refused_naming_the_field() {
        long version = as("patient").document("{ me { patient { version } } }").execute()
                .path("me.patient.version").entity(Long.class).get();

        as("patient").document("""
                        mutation($input: UpdatePatientInput!) { updatePatient(input: $input) { id } }""")
                .variable("input", Map.of("patientId", Demo.PATIENT_SUBJECT, "expectedVersion", version,
                        "name", Map.of("given", "Alice", "family", "Lid\u0000del\bl")))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat((List<Map<String, String>>) error.getExtensions().get("violations"))
                            .extracting(v -> v.get("field")).containsExactly("name.family");
                }));
    }

    @Test
    void a_stale_version_is_a_conflict_that_names_the_current_version() {
        as("patient").document("""
                        mutation { updatePatient(input: { patientId: "%s", expectedVersion: 999, sex: FEMALE }) { id } }"""
                        .formatted(Demo.PATIENT_SUBJECT))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType().toString()).isEqualTo("CONFLICT");
                    assertThat(error.getExtensions()).containsEntry("reason", "STALE_VERSION").containsKey("current_version");
                }));
    }

    @Test
    void a_page_larger_than_a_hundred_is_refused_naming_the_argument() {
        as("admin").document("{ patients(first: 500) { totalCount } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat((List<Map<String, String>>) error.getExtensions().get("violations"))
                            .extracting(v -> v.get("field")).containsExactly("first");
                }));
    }

    @Test
    void a_request_body_over_the_limit_is_refused_with_413_and_a_clear_message() {
        String huge = "x".repeat(2 * 1024 * 1024);
        String body = "{\"query\":\"mutation($n: String!) { updatePatient(input: {patientId: \\\"%s\\\", expectedVersion: 1, name: {family: $n}}) { id } }\",\"variables\":{\"n\":\"%s\"}}"
                .formatted(Demo.PATIENT_SUBJECT, huge);

        http().post().uri("/graphql").header("Authorization", "Bearer " + SYSTEM.keycloak().accessToken("patient"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("PAYLOAD_TOO_LARGE")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains("larger than"));
    }

    @Test
    void a_query_nested_deeper_than_allowed_is_refused_before_any_service_is_called() {
        Map<String, Long> before = rpcs.snapshot();
        String tooDeep = "{ me { patient { appointments { patient { appointments { patient { appointments { patient "
                + "{ appointments { patient { appointments { patient { appointments { patient { id } } } } } } } } } } } } } } }";

        var response = as("patient").document(tooDeep).execute().returnResponse();

        assertThat(response.getErrors()).singleElement().satisfies(error ->
                assertThat(error.getMessage()).containsIgnoringCase("depth"));
        assertThat(rpcs.snapshot()).isEqualTo(before);
    }

    @Test
    void with_billing_down_the_rest_of_the_query_is_answered_and_only_the_invoices_fail() {
        SYSTEM.stop(TestSystem.BILLING);
        try {
            var response = as("patient").document("{ me { patient { id name { given } invoices { id } } } }")
                    .execute().returnResponse();

            String id = response.field("me.patient.id").getValue();
            String given = response.field("me.patient.name.given").getValue();
            assertThat(id).isEqualTo(Demo.PATIENT_SUBJECT);
            assertThat(given).isEqualTo("Alice");
            assertThat(response.field("me.patient.invoices").<Object>getValue()).isNull();
            assertThat(response.getErrors()).singleElement().satisfies(error -> {
                assertThat(error.getErrorType().toString()).isEqualTo("UNAVAILABLE");
                assertThat(error.getPath()).isEqualTo("me.patient.invoices");
                assertThat(error.getMessage()).doesNotContain("Exception");
            });
        } finally {
            SYSTEM.restart(TestSystem.BILLING);
            // The BFF's channel reconnects with a growing back-off; later tests need billing answering.
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    as("patient").document("{ me { patient { invoices { id } } } }").execute().errors().verify());
        }
    }
}
