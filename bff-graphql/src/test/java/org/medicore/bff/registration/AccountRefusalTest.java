package org.medicore.bff.registration;

import org.junit.jupiter.api.Test;
import org.medicore.bff.error.InvalidArgument;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Keycloak 26.5's answers to a new account, as its admin API gave them (checked against the real server). */
class AccountRefusalTest {

    @Test
    void each_password_rule_lands_on_the_password_in_our_words() {
        for (String rule : List.of("invalidPasswordBlacklistedMessage", "invalidPasswordMinLengthMessage",
                "invalidPasswordNotUsernameMessage", "invalidPasswordNotEmailMessage")) {
            InvalidArgument refusal = AccountRefusal.of(Map.of("error", rule,
                    "error_description", "Invalid password: password is blacklisted."));

            assertThat(refusal.violations()).containsExactly(
                    new InvalidArgument.Violation("input.password", AccountRefusal.PASSWORD_POLICY));
        }
    }

    @Test
    void a_family_name_too_long_is_blamed_on_the_family_name() {
        InvalidArgument refusal = AccountRefusal.of(Map.of("field", "lastName",
                "errorMessage", "error-invalid-length-too-long", "params", Arrays.asList("lastName", null, 255)));

        assertThat(refusal.violations()).containsExactly(
                new InvalidArgument.Violation("input.name.family", "must have at most 255 characters"));
    }

    @Test
    void several_profile_errors_each_on_their_field_and_an_unreadable_answer_on_the_input() {
        InvalidArgument refusal = AccountRefusal.of(Map.of("errors", List.of(
                Map.of("field", "firstName", "errorMessage", "error-person-name-invalid-character"),
                Map.of("field", "email", "errorMessage", "error-invalid-email"))));

        assertThat(refusal.violations()).extracting(InvalidArgument.Violation::field)
                .containsExactly("input.name.given", "input.email");
        assertThat(AccountRefusal.of(null).violations()).extracting(InvalidArgument.Violation::field).containsExactly("input");
    }
}
