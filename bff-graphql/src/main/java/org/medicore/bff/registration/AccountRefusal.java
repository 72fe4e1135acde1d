package org.medicore.bff.registration;

import org.medicore.bff.error.InvalidArgument;

import java.util.List;
import java.util.Map;

/**
 * Keycloak's refusal of a new account (HTTP 400 of the admin API) as violations of the
 * registration's own input fields, in our words: its user-profile errors name the attribute
 * ({@code lastName}, {@code email}), its password-policy error names no rule. Never Keycloak's
 * body itself, which may echo the input.
 */
final class AccountRefusal {

    static final String PASSWORD_POLICY =
            "must have at least 12 characters, must not be your e-mail address and must not be a common password";

    private static final Map<String, String> FIELDS = Map.of(
            "firstName", "input.name.given",
            "lastName", "input.name.family",
            "email", "input.email",
            "username", "input.email");

    private AccountRefusal() {
    }

    static InvalidArgument of(Map<?, ?> body) {
        if (body == null) {
            return new InvalidArgument("input", "was refused by the account service");
        }
        List<?> errors = body.get("errors") instanceof List<?> several && !several.isEmpty() ? several : List.of(body);
        return new InvalidArgument(errors.stream()
                .map(error -> error instanceof Map<?, ?> one ? violation(one) : violation(Map.of()))
                .distinct().toList());
    }

    private static InvalidArgument.Violation violation(Map<?, ?> error) {
        // User-profile errors say errorMessage; the password policy says error (invalidPassword...Message).
        String message = String.valueOf(error.get("errorMessage") != null ? error.get("errorMessage") : error.get("error"));
        if (message.toLowerCase().contains("password")) {
            return new InvalidArgument.Violation("input.password", PASSWORD_POLICY);
        }
        String field = FIELDS.getOrDefault(String.valueOf(error.get("field")), "input");
        List<?> params = error.get("params") instanceof List<?> given ? given : List.of();
        String description = switch (message) {
            case "error-invalid-length", "error-invalid-length-too-long", "error-invalid-length-too-short" ->
                    params.size() >= 3 && params.get(2) != null
                            ? "must have at most " + params.get(2) + " characters" + (params.get(1) == null ? "" : " and at least " + params.get(1))
                            : "has a length the account service refuses";
            case "error-invalid-email" -> "must be an e-mail address";
            case "error-person-name-invalid-character", "error-username-invalid-character" ->
                    "contains characters a name can't have";
            case "error-user-attribute-required" -> "is required";
            default -> "was refused by the account service";
        };
        return new InvalidArgument.Violation(field, description);
    }
}
