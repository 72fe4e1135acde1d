package org.medicore.bff;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.medicore.bff.support.Clinic;
import org.medicore.bff.support.Demo;
import org.medicore.bff.support.WholeSystemTest;
import org.springframework.graphql.execution.ErrorType;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role matrix: each demo role against each kind of operation, allowed or refused with
 * FORBIDDEN on the field — the services decide from the relayed token, the BFF reports it. (A
 * patient may search, but finds only themself.)
 */
class AccessTest extends WholeSystemTest {

    private static final Clinic CLINIC = new Clinic(SYSTEM);
    private static final String SOMEONE_ELSE = CLINIC.aPatient("Elsewhere");

    @AfterAll
    static void close() {
        CLINIC.close();
    }

    static Stream<Arguments> matrix() {
        String readOther = "{ patient(id: \"%s\") { id } }".formatted(SOMEONE_ELSE);
        String readOwn = "{ patient(id: \"%s\") { id } }".formatted(Demo.PATIENT_SUBJECT);
        String appointmentsOfOther = "{ appointments(patientId: \"%s\") { totalCount } }".formatted(SOMEONE_ELSE);
        String invoicesOfOwn = "{ invoices(patientId: \"%s\") { totalCount } }".formatted(Demo.PATIENT_SUBJECT);
        String search = "{ patients(search: { familyNamePrefix: \"Elsewhere\" }) { totalCount } }";
        String history = "mutation { addHistoryEntry(input: { patientId: \"%s\", kind: NOTE, text: \"seen\" }) { id } }"
                .formatted(SOMEONE_ELSE);
        String feeSchedule = "{ feeSchedule { taxRateBasisPoints } }";
        String notificationsOfOther = "{ notifications(patientId: \"%s\") { totalCount } }".formatted(SOMEONE_ELSE);
        return Stream.of(
                Arguments.of("patient", readOwn, "patient", true),
                Arguments.of("patient", readOther, "patient", false),
                Arguments.of("doctor", readOther, "patient", true),
                Arguments.of("billing", readOther, "patient", true),
                Arguments.of("admin", readOther, "patient", true),
                Arguments.of("patient", appointmentsOfOther, "appointments", false),
                Arguments.of("doctor", appointmentsOfOther, "appointments", false),
                Arguments.of("billing", appointmentsOfOther, "appointments", false),
                Arguments.of("admin", appointmentsOfOther, "appointments", true),
                Arguments.of("patient", invoicesOfOwn, "invoices", true),
                Arguments.of("doctor", invoicesOfOwn, "invoices", false),
                Arguments.of("billing", invoicesOfOwn, "invoices", true),
                Arguments.of("patient", search, "patients", true),
                Arguments.of("doctor", search, "patients", true),
                Arguments.of("patient", history, "addHistoryEntry", false),
                Arguments.of("billing", history, "addHistoryEntry", false),
                Arguments.of("doctor", history, "addHistoryEntry", true),
                Arguments.of("patient", feeSchedule, "feeSchedule", true),
                Arguments.of("patient", notificationsOfOther, "notifications", false),
                Arguments.of("doctor", notificationsOfOther, "notifications", true),
                Arguments.of("billing", notificationsOfOther, "notifications", true));
    }

    @ParameterizedTest(name = "{0} -> {2}: allowed {3}")
    @MethodSource("matrix")
    void each_role_gets_what_its_rules_allow_and_a_forbidden_error_otherwise(String user, String document, String field,
                                                                             boolean allowed) {
        var response = as(user).document(document).execute();
        if (allowed) {
            response.path(field).hasValue();
        } else {
            response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                assertThat(error.getErrorType()).isEqualTo(ErrorType.FORBIDDEN);
                assertThat(error.getPath()).isEqualTo(field);
                assertThat(error.getExtensions()).containsEntry("code", "PERMISSION_DENIED");
            }));
        }
    }

    @ParameterizedTest(name = "a patient reaches no other patient through {0}")
    @MethodSource("pathsToAnotherPatient")
    void a_patient_reaches_no_other_patient_through_any_path_of_the_graph(String path, String document) {
        var response = as("patient").document(document).execute().returnResponse();

        assertThat(response.getErrors()).isNotEmpty().allSatisfy(error ->
                assertThat(error.getErrorType()).isIn(ErrorType.FORBIDDEN, ErrorType.NOT_FOUND));
        assertThat(String.valueOf(response.<Map<String, Object>>getData())).doesNotContain("Elsewhere");
    }

    static Stream<Arguments> pathsToAnotherPatient() {
        return Stream.of(
                Arguments.of("patient", "{ patient(id: \"%s\") { name { family } } }".formatted(SOMEONE_ELSE)),
                Arguments.of("labResults", "{ labResults(patientId: \"%s\") { totalCount } }".formatted(SOMEONE_ELSE)),
                Arguments.of("notifications", "{ notifications(patientId: \"%s\") { totalCount } }".formatted(SOMEONE_ELSE)),
                Arguments.of("invoices", "{ invoices(patientId: \"%s\") { edges { node { id } } } }".formatted(SOMEONE_ELSE)),
                Arguments.of("appointments", "{ appointments(patientId: \"%s\") { edges { node { patient { name { family } } } } } }"
                        .formatted(SOMEONE_ELSE)));
    }
}
