package org.medicore.notification.adapter.in.grpc;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medicore.contracts.notification.v1.ConsentSource;
import org.medicore.contracts.notification.v1.ConsentState;
import org.medicore.contracts.notification.v1.GetMessagePreferencesRequest;
import org.medicore.contracts.notification.v1.MessagePreferences;
import org.medicore.contracts.notification.v1.NotificationChannel;
import org.medicore.contracts.notification.v1.NotificationServiceGrpc;
import org.medicore.contracts.notification.v1.QuietHours;
import org.medicore.contracts.notification.v1.UpdateMessagePreferencesRequest;
import org.medicore.notification.support.Correspondence;
import org.medicore.notification.support.EventStream;
import org.medicore.notification.support.MovableClock;
import org.medicore.notification.support.PatientRecords;
import org.medicore.notification.support.CallingTheService;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.medicore.notification.adapter.out.jooq.generated.Tables.NOTIFICATION;
import static org.medicore.notification.support.EventStream.labReportProcessed;

/**
 * GetMessagePreferences and UpdateMessagePreferences over a real gRPC channel: who may read and
 * change them, a field violation for each bad value, and the quiet hours the patient chose holding
 * back what can wait.
 */
class MessagePreferencesEndpointTest extends CallingTheService {

    private static final EventStream events = new EventStream();
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    DSLContext db;

    @Autowired
    MovableClock clock;

    @Autowired
    PatientRecords records;

    @BeforeEach
    void setTheClock() {
        clock.set(LocalDateTime.parse("2026-12-02T11:00").atZone(BERLIN).toInstant());
    }

    @AfterAll
    static void closeStream() {
        events.close();
    }

    @Test
    void a_patient_who_never_chose_has_e_mail_without_consent_and_the_night_quiet() {
        UUID patient = UUID.randomUUID();

        MessagePreferences preferences = as(patient.toString(), "PATIENT").getMessagePreferences(read(patient))
                .getPreferences();

        assertThat(preferences.getChannelsList()).containsExactly(NotificationChannel.EMAIL);
        assertThat(preferences.getConsentsList()).extracting(consent -> consent.getChannel() + " " + consent.getState())
                .containsExactly("EMAIL CONSENT_NOT_GIVEN", "SMS CONSENT_NOT_GIVEN");
        assertThat(preferences.getQuietHours()).isEqualTo(QuietHours.newBuilder().setStart("21:00").setEnd("08:00").build());
        assertThat(preferences.getTimeZone()).isEqualTo("Europe/Berlin");
    }

    @Test
    void the_quiet_hours_the_patient_chose_hold_back_what_can_wait() {
        UUID patient = new Correspondence(events, records, db).aRegisteredPatient("evening");
        MessagePreferences chosen = as(patient.toString(), "PATIENT").updateMessagePreferences(change(patient, "quiet_hours")
                .setQuietHours(QuietHours.newBuilder().setStart("18:00").setEnd("09:30")).build()).getPreferences();
        assertThat(chosen.getQuietHours().getStart()).isEqualTo("18:00");

        clock.set(LocalDateTime.parse("2026-12-02T19:00").atZone(BERLIN).toInstant());
        events.send(labReportProcessed(patient, 0));

        await().atMost(Duration.ofSeconds(30)).until(() -> db.fetchExists(NOTIFICATION,
                NOTIFICATION.PATIENT_ID.eq(patient).and(NOTIFICATION.KIND.eq("RESULTS_READY"))));
        Instant due = db.select(NOTIFICATION.DUE_AT).from(NOTIFICATION).where(NOTIFICATION.PATIENT_ID.eq(patient))
                .and(NOTIFICATION.KIND.eq("RESULTS_READY")).fetchOne(NOTIFICATION.DUE_AT).toInstant();
        assertThat(due).isEqualTo(LocalDateTime.parse("2026-12-03T09:30").atZone(BERLIN).toInstant());
    }

    @Test
    void an_administrator_records_a_consent_given_at_the_desk_as_staffs_and_a_doctor_may_only_read() {
        UUID patient = UUID.randomUUID();

        MessagePreferences changed = as("admin-" + UUID.randomUUID(), "ADMIN").updateMessagePreferences(
                change(patient, "channels", "consented_channels").addChannels(NotificationChannel.SMS)
                        .addConsentedChannels(NotificationChannel.SMS).build()).getPreferences();

        assertThat(changed.getChannelsList()).containsExactly(NotificationChannel.SMS);
        assertThat(changed.getConsentsList()).filteredOn(consent -> consent.getChannel() == NotificationChannel.SMS)
                .singleElement().satisfies(consent -> {
                    assertThat(consent.getState()).isEqualTo(ConsentState.CONSENT_GIVEN);
                    assertThat(consent.getSource()).isEqualTo(ConsentSource.STAFF);
                    assertThat(consent.hasChangedAt()).isTrue();
                });
        assertThat(as("doctor-" + UUID.randomUUID(), "DOCTOR").getMessagePreferences(read(patient)).getPreferences())
                .isEqualTo(changed);
        assertThat(codeOf(() -> as("doctor-" + UUID.randomUUID(), "DOCTOR")
                .updateMessagePreferences(change(patient, "channels").build()))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> as("billing-" + UUID.randomUUID(), "BILLING").getMessagePreferences(read(patient))))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> as(UUID.randomUUID().toString(), "PATIENT").getMessagePreferences(read(patient))))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> NotificationServiceGrpc.newBlockingStub(channel).getMessagePreferences(read(patient))))
                .isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void no_channel_at_all_is_a_choice() {
        UUID patient = UUID.randomUUID();

        MessagePreferences none = as(patient.toString(), "PATIENT").updateMessagePreferences(
                change(patient, "channels").build()).getPreferences();

        assertThat(none.getChannelsList()).isEmpty();
    }

    @Test
    void each_bad_value_is_named_on_its_field() {
        UUID patient = UUID.randomUUID();
        NotificationServiceGrpc.NotificationServiceBlockingStub self = as(patient.toString(), "PATIENT");

        assertThat(violatedFields(() -> self.updateMessagePreferences(UpdateMessagePreferencesRequest.newBuilder()
                .setPatientId("nope").build()))).containsExactly("patient_id", "update_mask");
        assertThat(violatedFields(() -> self.updateMessagePreferences(change(patient, "language").build())))
                .containsExactly("update_mask");
        assertThat(violatedFields(() -> self.updateMessagePreferences(change(patient, "channels", "consented_channels",
                "quiet_hours").addChannels(NotificationChannel.EMAIL).addChannels(NotificationChannel.EMAIL)
                .addConsentedChannels(NotificationChannel.NOTIFICATION_CHANNEL_UNSPECIFIED)
                .setQuietHours(QuietHours.newBuilder().setStart("24:00").setEnd("8:00")).build())))
                .containsExactly("channels", "consented_channels", "quiet_hours.start", "quiet_hours.end");
        assertThat(violatedFields(() -> self.updateMessagePreferences(change(patient, "quiet_hours").build())))
                .containsExactly("quiet_hours.start", "quiet_hours.end");
        assertThat(violatedFields(() -> self.getMessagePreferences(GetMessagePreferencesRequest.newBuilder()
                .setPatientId("\u0000").build()))).containsExactly("patient_id");
    }

    private static GetMessagePreferencesRequest read(UUID patient) {
        return GetMessagePreferencesRequest.newBuilder().setPatientId(patient.toString()).build();
    }

    private static UpdateMessagePreferencesRequest.Builder change(UUID patient, String... paths) {
        return UpdateMessagePreferencesRequest.newBuilder().setPatientId(patient.toString())
                .setUpdateMask(FieldMask.newBuilder().addAllPaths(java.util.List.of(paths)));
    }


}
