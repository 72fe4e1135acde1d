package org.medicore.bff;

import org.junit.jupiter.api.Test;
import org.medicore.bff.support.Demo;
import org.medicore.bff.support.WholeSystemTest;
import org.springframework.graphql.execution.ErrorType;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a patient wants to be told, through the BFF to notification-service: the profile's channels,
 * consent and quiet hours, with each bad value named on its field.
 */
class MessagePreferencesTest extends WholeSystemTest {

    private static final String PREFERENCES = """
            query($p: ID!) {
              messagePreferences(patientId: $p) {
                patientId channels timeZone quietHours { start end }
                consents { channel state changedAt source }
              }
            }""";
    private static final String UPDATE = """
            mutation($input: UpdateMessagePreferencesInput!) {
              updateMessagePreferences(input: $input) {
                channels quietHours { start end } consents { channel state source }
              }
            }""";

    @Test
    @SuppressWarnings("unchecked")
    void the_demo_patient_who_agreed_to_e_mail_at_the_desk_reads_and_keeps_their_choices() {
        Map<String, Object> preferences = as("patient").document(PREFERENCES).variable("p", Demo.PATIENT_SUBJECT)
                .execute().path("messagePreferences").entity(Map.class).get();

        assertThat(preferences).containsEntry("patientId", Demo.PATIENT_SUBJECT)
                .containsEntry("timeZone", "Europe/Berlin").containsEntry("channels", List.of("EMAIL"));
        assertThat((List<Map<String, Object>>) preferences.get("consents")).filteredOn(c -> "EMAIL".equals(c.get("channel")))
                .singleElement().satisfies(email -> {
                    assertThat(email).containsEntry("state", "GIVEN").containsEntry("source", "STAFF");
                    assertThat(email.get("changedAt")).isNotNull();
                });

        // sending the same choices again changes nothing (and keeps the demo's mail going for the other tests)
        Map<String, Object> kept = as("patient").document(UPDATE).variable("input", Map.of(
                        "patientId", Demo.PATIENT_SUBJECT, "channels", List.of("EMAIL"),
                        "consentedChannels", List.of("EMAIL"), "quietHours", Map.of("start", "21:00", "end", "08:00")))
                .execute().path("updateMessagePreferences").entity(Map.class).get();
        assertThat(kept).containsEntry("channels", List.of("EMAIL"))
                .containsEntry("quietHours", Map.of("start", "21:00", "end", "08:00"));
        assertThat((List<Map<String, Object>>) kept.get("consents")).extracting(c -> c.get("channel") + " " + c.get("state"))
                .containsExactly("EMAIL GIVEN", "SMS NOT_GIVEN");
    }

    @Test
    void bad_quiet_hours_and_a_repeated_channel_are_named_on_their_fields() {
        as("patient").document(UPDATE).variable("input", Map.of("patientId", Demo.PATIENT_SUBJECT,
                        "channels", List.of("SMS", "SMS"), "quietHours", Map.of("start", "25:00", "end", "7:30")))
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(error.getExtensions()).containsEntry("code", "INVALID_ARGUMENT");
                    assertThat(violatedFields(error.getExtensions())).containsExactly("channels", "quietHours.start",
                            "quietHours.end");
                }));
    }

    @Test
    void an_update_that_names_nothing_to_change_is_refused_on_the_input() {
        as("patient").document(UPDATE).variable("input", Map.of("patientId", Demo.PATIENT_SUBJECT)).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(violatedFields(error.getExtensions())).containsExactly("input");
                }));
    }

    @Test
    void a_patient_may_not_read_or_change_another_patients_choices() {
        String someoneElse = UUID.randomUUID().toString();

        as("patient").document(PREFERENCES).variable("p", someoneElse).execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getErrorType()).isEqualTo(ErrorType.FORBIDDEN)));
        as("patient").document(UPDATE).variable("input", Map.of("patientId", someoneElse, "channels", List.of()))
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getErrorType()).isEqualTo(ErrorType.FORBIDDEN)));
    }

    @SuppressWarnings("unchecked")
    private static List<String> violatedFields(Map<String, Object> extensions) {
        return ((List<Map<String, String>>) extensions.get("violations")).stream().map(v -> v.get("field")).toList();
    }
}
