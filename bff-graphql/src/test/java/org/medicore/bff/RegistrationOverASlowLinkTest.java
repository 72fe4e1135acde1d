package org.medicore.bff;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medicore.bff.support.WholeSystemTest;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registration when patient-service's answer is late (a small TCP proxy holds it back beyond the
 * BFF's deadline): the account is never deleted for a lost answer, and the person ends up
 * registered, by the BFF's asking or by their own retry.
 */
class RegistrationOverASlowLinkTest extends WholeSystemTest {

    /** Beyond the BFF's deadline for a call (5 s). */
    private static final Duration TOO_LATE = Duration.ofSeconds(7);
    private static final String REGISTER = """
            mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { patient { id } } }""";

    @AfterEach
    void answersFlowAgain() {
        PATIENT_LINK.release();
    }

    @Test
    void a_record_whose_answer_came_too_late_is_found_by_asking_and_the_person_signs_in() {
        warmUp();
        String email = "yara." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        PATIENT_LINK.holdAnswersFor(TOO_LATE);

        String id = anonymous().document(REGISTER).variable("input", input(email)).execute()
                .path("registerPatient.patient.id").entity(String.class).get();

        withToken(passwordGrant(email, "correct horse battery")).document("{ me { patient { id } } }").execute()
                .path("me.patient.id").entity(String.class).isEqualTo(id);
    }

    @Test
    void when_no_answer_comes_at_all_the_account_stays_and_the_persons_retry_finishes_the_registration() {
        warmUp();
        String email = "yara." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        PATIENT_LINK.holdAnswers();

        anonymous().document(REGISTER).variable("input", input(email)).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "DEADLINE_EXCEEDED")));
        PATIENT_LINK.release();

        String id = anonymous().document(REGISTER).variable("input", input(email)).execute()
                .path("registerPatient.patient.id").entity(String.class).get();
        withToken(passwordGrant(email, "correct horse battery")).document("{ me { patient { id } } }").execute()
                .path("me.patient.id").entity(String.class).isEqualTo(id);
    }

    /** The BFF's channel connects before answers are held, as it is in a running system. */
    private void warmUp() {
        as("patient").document("{ me { patient { id } } }").execute().path("me.patient.id").hasValue();
    }

    private static Map<String, Object> input(String email) {
        return Map.of("name", Map.of("given", "Yara", "family", "Quist"), "dateOfBirth", "1990-04-02",
                "email", email, "password", "correct horse battery");
    }
}
