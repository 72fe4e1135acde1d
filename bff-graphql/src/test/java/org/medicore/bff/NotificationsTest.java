package org.medicore.bff;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.medicore.bff.support.Clinic;
import org.medicore.bff.support.Demo;
import org.medicore.bff.support.WholeSystemTest;
import org.springframework.graphql.execution.ErrorType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What notification-service sent, through the BFF: the patient's own list and the staff's view of it. */
class NotificationsTest extends WholeSystemTest {

    private static final Clinic CLINIC = new Clinic(SYSTEM);
    private static final String NOTIFICATIONS = """
            query($p: ID!) {
              notifications(patientId: $p, first: 20) {
                totalCount
                edges { node { kind channel recipient status sentAt appointmentId reason } }
              }
            }""";

    @AfterAll
    static void close() {
        CLINIC.close();
    }

    @Test
    void the_patient_and_their_doctor_see_the_booking_confirmation_and_where_it_went() {
        String visit = bookToday(CLINIC.aPractitionerWhoseDayHasHoursLeft());

        Map<String, Object> confirmation = await().atMost(Duration.ofSeconds(30))
                .until(() -> sentConfirmationOf(visit, "patient"), Optional::isPresent).orElseThrow();

        assertThat(confirmation).containsEntry("channel", "EMAIL").containsEntry("reason", null);
        assertThat((String) confirmation.get("recipient")).matches("[^*@]\\*\\*\\*@[^*]+");
        assertThat(confirmation.get("sentAt")).isNotNull();
        assertThat(sentConfirmationOf(visit, "doctor")).contains(confirmation);
    }

    @Test
    void a_malformed_patient_id_is_refused_on_its_argument() {
        as("doctor").document("{ notifications(patientId: \"nope\") { totalCount } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(String.valueOf(error.getExtensions().get("violations"))).contains("patientId");
                }));
    }

    @SuppressWarnings("unchecked")
    private Optional<Map<String, Object>> sentConfirmationOf(String appointmentId, String user) {
        List<Map<String, Object>> messages = as(user).document(NOTIFICATIONS).variable("p", Demo.PATIENT_SUBJECT)
                .execute().path("notifications.edges[*].node").entityList(Map.class).get().stream()
                .map(node -> (Map<String, Object>) node).toList();
        return messages.stream().filter(message -> appointmentId.equals(message.get("appointmentId"))
                && "BOOKING_CONFIRMED".equals(message.get("kind")) && "SENT".equals(message.get("status"))).findFirst();
    }
}
