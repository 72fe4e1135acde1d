package org.medicore.bff;

import org.junit.jupiter.api.Test;
import org.medicore.bff.support.WholeSystemTest;
import org.springframework.graphql.execution.ErrorType;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A new patient creates their account and record in one step, without a token; a refused record leaves no account, a retry gets the record. */
class RegistrationTest extends WholeSystemTest {

    private static final String REGISTER = """
            mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { patient { id name { given } } } }""";

    @Test
    void a_new_patient_registers_signs_in_with_the_new_account_and_finds_their_record() {
        String email = "zelda." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

        String patientId = anonymous().document(REGISTER).variable("input", input(email, "+4930555000"))
                .execute()
                .path("registerPatient.patient.name.given").entity(String.class).isEqualTo("Zelda")
                .path("registerPatient.patient.id").entity(String.class).get();

        String token = passwordGrant(email, "correct horse battery");
        withToken(token).document("{ me { subject roles patient { id } } }").execute()
                .path("me.subject").entity(String.class).isEqualTo(patientId)
                .path("me.roles").entityList(String.class).containsExactly("PATIENT")
                .path("me.patient.id").entity(String.class).isEqualTo(patientId);
    }

    @Test
    void bad_input_is_refused_field_by_field_before_anything_is_created() {
        anonymous().document(REGISTER).variable("input", Map.of(
                        "name", Map.of("given", " ", "family", "Quixote"), "dateOfBirth", "1961-07-19",
                        "email", "nope", "password", "short"))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat((List<Map<String, String>>) error.getExtensions().get("violations"))
                            .extracting(v -> v.get("field"))
                            .containsExactlyInAnyOrder("input.email", "input.password", "input.name.given");
                }));
    }

    @Test
    void when_the_record_is_refused_the_new_account_is_removed_again() {
        String email = "zelda." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

        anonymous().document(REGISTER).variable("input", input(email, "not a phone number"))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat((List<Map<String, String>>) error.getExtensions().get("violations"))
                            .extracting(v -> v.get("field")).contains("contact.phone");
                }));

        assertThat(SYSTEM.keycloak().requestToken(Map.of("grant_type", "password", "client_id", "medicore-local-dev",
                "username", email, "password", "correct horse battery")).statusCode()).isEqualTo(401);
        anonymous().document(REGISTER).variable("input", input(email, "+4930555000")).execute()
                .path("registerPatient.patient.id").hasValue();
    }

    @Test
    void a_retry_with_the_same_e_mail_and_password_is_answered_with_the_record_the_first_call_made() {
        String email = "zelda." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String first = anonymous().document(REGISTER).variable("input", input(email, "+4930555000")).execute()
                .path("registerPatient.patient.id").entity(String.class).get();

        anonymous().document(REGISTER).variable("input", input(email, "+4930555000")).execute()
                .path("registerPatient.patient.id").entity(String.class).isEqualTo(first);
    }

    @Test
    void an_e_mail_address_that_has_an_account_already_is_refused_on_its_field() {
        String email = "zelda." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        anonymous().document(REGISTER).variable("input", input(email, "+4930555000")).execute()
                .path("registerPatient.patient.id").hasValue();
        Map<String, Object> someoneElse = new java.util.HashMap<>(input(email, "+4930555001"));
        someoneElse.put("password", "another correct horse");

        anonymous().document(REGISTER).variable("input", someoneElse).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error ->
                        assertThat((List<Map<String, String>>) error.getExtensions().get("violations"))
                                .extracting(v -> v.get("field")).containsExactly("input.email")));
    }

    @Test
    void a_short_common_or_e_mail_password_is_refused_on_the_password_in_our_words() {
        String email = "zelda." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        for (String password : List.of("password12", "password1234", "Password1234", email)) {
            Map<String, Object> input = new java.util.HashMap<>(input(email, "+4930555000"));
            input.put("password", password);

            anonymous().document(REGISTER).variable("input", input).execute()
                    .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                        assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                        assertThat((List<Map<String, String>>) error.getExtensions().get("violations"))
                                .as(password).singleElement().satisfies(violation -> {
                                    assertThat(violation.get("field")).isEqualTo("input.password");
                                    assertThat(violation.get("description")).contains("at least 12 characters")
                                            .doesNotContain("{", "invalidPassword");
                                });
                    }));
        }
    }

    @Test
    void a_family_name_keycloak_finds_too_long_is_blamed_on_the_family_name_not_the_password() {
        Map<String, Object> input = new java.util.HashMap<>(input("zelda." + UUID.randomUUID().toString().substring(0, 8)
                + "@example.org", "+4930555000"));
        input.put("name", Map.of("given", "Zelda", "family", "Q".repeat(10_000)));

        anonymous().document(REGISTER).variable("input", input).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat((List<Map<String, String>>) error.getExtensions().get("violations"))
                            .extracting(v -> v.get("field")).containsExactly("input.name.family");
                    assertThat(error.getMessage()).hasSizeLessThan(300);
                }));
    }

    private static Map<String, Object> input(String email, String phone) {
        return Map.of("name", Map.of("given", "Zelda", "family", "Quixote"), "dateOfBirth", "1961-07-19",
                "sex", "FEMALE", "email", email, "phone", phone, "password", "correct horse battery");
    }
}
