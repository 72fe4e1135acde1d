package org.medicore.notification;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.notification.v1.ListNotificationsRequest;
import org.medicore.contracts.notification.v1.Notification;
import org.medicore.contracts.notification.v1.NotificationChannel;
import org.medicore.contracts.notification.v1.NotificationKind;
import org.medicore.contracts.notification.v1.NotificationStatus;
import org.medicore.contracts.notification.v1.UpdateMessagePreferencesRequest;
import org.medicore.notification.application.port.out.IssueUnsubscribeTokens;
import org.medicore.notification.domain.Channel;
import org.medicore.notification.support.CallingTheService;
import org.medicore.notification.support.Correspondence;
import org.medicore.notification.support.EventStream;
import org.medicore.notification.support.Inbox;
import org.medicore.notification.support.MovableClock;
import org.medicore.notification.support.PatientRecords;
import org.medicore.support.erasure.StoredValueSearch;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.medicore.notification.adapter.out.jooq.generated.Tables.APPOINTMENT_CALENDAR;
import static org.medicore.notification.adapter.out.jooq.generated.Tables.CHANNEL_CONSENT;
import static org.medicore.notification.adapter.out.jooq.generated.Tables.CHANNEL_CONSENT_HISTORY;
import static org.medicore.notification.adapter.out.jooq.generated.Tables.ERASED_PATIENT;
import static org.medicore.notification.adapter.out.jooq.generated.Tables.NOTIFICATION;
import static org.medicore.notification.adapter.out.jooq.generated.Tables.PROCESSED_EVENT;
import static org.medicore.notification.adapter.out.jooq.generated.Tables.RECIPIENT;
import static org.medicore.notification.support.EventStream.booked;
import static org.medicore.notification.support.EventStream.cancelled;
import static org.medicore.notification.support.EventStream.contactChanged;
import static org.medicore.notification.support.EventStream.erased;
import static org.medicore.notification.support.EventStream.invoiceIssued;
import static org.medicore.notification.support.EventStream.registered;

/**
 * patient-service's PatientErased through the real topic (GDPR art. 17): what the service forgets, what it
 * keeps (ids, kinds, times, amounts), and that the patient stays forgotten whatever arrives after.
 */
class ErasureFlowTest extends CallingTheService {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration QUIET_WHILE = Duration.ofMillis(800);
    private static final String ERASED_REASON = "the patient's data was erased on their request";
    private static final EventStream events = new EventStream();

    @Autowired
    DSLContext db;

    @Autowired
    MovableClock clock;

    @Autowired
    PatientRecords patientRecords;

    @Autowired
    MeterRegistry meters;

    @Autowired
    IssueUnsubscribeTokens tokens;

    @AfterAll
    static void closeStream() {
        events.close();
    }

    /** A patient as patient-service knows them: a family name as their address spells it, an e-mail, a phone. */
    private record Person(UUID id, String familyName, String email, String phone, Inbox inbox) {
    }

    @Test
    void an_erased_patient_keeps_no_address_choice_or_calendar_here_and_is_never_written_to_again() {
        clock.set(berlin("2026-12-02T11:00"));
        Person person = aPatientWithMail();
        Instant visit = berlin("2026-12-09T10:00");
        UUID appointment = UUID.randomUUID();
        events.send(booked(appointment, person.id(), visit));
        await().atMost(PATIENCE).until(() -> person.inbox().read().size() == 1);
        await().atMost(PATIENCE).until(() -> statesOf(person.id()),
                states -> states.equals(List.of("PENDING", "PENDING", "SENT")));
        assertThat(db.fetchValue(NOTIFICATION.SENT_TO, NOTIFICATION.PATIENT_ID.eq(person.id())
                .and(NOTIFICATION.STATUS.eq("SENT")))).endsWith("@example.org");
        assertThat(db.fetchCount(CHANNEL_CONSENT_HISTORY, CHANNEL_CONSENT_HISTORY.PATIENT_ID.eq(person.id()))).isPositive();
        assertThat(db.<List<String>>connectionResult(connection -> StoredValueSearch.placesHolding(connection, person.familyName()))).contains("recipient.email");
        assertThat(db.<List<String>>connectionResult(connection -> StoredValueSearch.placesHolding(connection, person.phone()))).contains("recipient.phone");
        double skippedBefore = skippedAfterErasure();

        events.send(erased(person.id()));
        await().atMost(PATIENCE).until(() -> db.fetchExists(ERASED_PATIENT, ERASED_PATIENT.PATIENT_ID.eq(person.id())));

        assertThat(db.fetchCount(RECIPIENT, RECIPIENT.PATIENT_ID.eq(person.id()))).isZero();
        assertThat(db.fetchCount(CHANNEL_CONSENT, CHANNEL_CONSENT.PATIENT_ID.eq(person.id()))).isZero();
        assertThat(db.fetchCount(CHANNEL_CONSENT_HISTORY, CHANNEL_CONSENT_HISTORY.PATIENT_ID.eq(person.id()))).isZero();
        assertThat(db.fetchCount(APPOINTMENT_CALENDAR, APPOINTMENT_CALENDAR.PATIENT_ID.eq(person.id()))).isZero();
        Result<Record> kept = messagesOf(person.id());
        assertThat(kept).hasSize(3).allSatisfy(row -> {
            assertThat(row.get(NOTIFICATION.SENT_TO)).isNull();
            assertThat(row.get(NOTIFICATION.APPOINTMENT_ID)).isEqualTo(appointment);
            assertThat(row.get(NOTIFICATION.APPOINTMENT_START).toInstant()).isEqualTo(visit);
        });
        assertThat(kept).filteredOn(row -> row.get(NOTIFICATION.KIND).equals("BOOKING_CONFIRMED")).singleElement()
                .satisfies(row -> {
                    assertThat(row.get(NOTIFICATION.STATUS)).isEqualTo("SENT");
                    assertThat(row.get(NOTIFICATION.SENT_AT)).isNotNull();
                    assertThat(row.get(NOTIFICATION.LAST_ERROR)).isNull();
                });
        assertThat(kept).filteredOn(row -> row.get(NOTIFICATION.KIND).equals("REMINDER")).hasSize(2)
                .allSatisfy(row -> {
                    assertThat(row.get(NOTIFICATION.STATUS)).isEqualTo("WITHDRAWN");
                    assertThat(row.get(NOTIFICATION.LAST_ERROR)).isEqualTo(ERASED_REASON);
                    assertThat(row.get(NOTIFICATION.SENT_AT)).isNull();
                });
        for (String personal : List.of(person.email(), person.phone(), person.familyName())) {
            assertThat(db.<List<String>>connectionResult(connection -> StoredValueSearch.placesHolding(connection, personal))).as(personal).isEmpty();
        }

        // afterwards: the visit cancelled, a contact change, an invoice, a new booking, and the reminders' time
        List<ProducerRecord<String, String>> late = List.of(cancelled(appointment, person.id(), visit),
                contactChanged(person.id()), invoiceIssued(person.id(), 12_050, "EUR"),
                booked(UUID.randomUUID(), person.id(), visit.plus(Duration.ofDays(7))));
        late.forEach(events::send);
        await().atMost(PATIENCE).until(() -> db.fetchCount(PROCESSED_EVENT,
                PROCESSED_EVENT.EVENT_ID.in(late.stream().map(ErasureFlowTest::eventId).toList())) == late.size());
        clock.set(visit.minus(Duration.ofHours(2)).plusSeconds(60));
        sleep(QUIET_WHILE);

        assertThat(person.inbox().read()).hasSize(1);
        assertThat(db.fetchCount(RECIPIENT, RECIPIENT.PATIENT_ID.eq(person.id()))).isZero();
        assertThat(db.fetchCount(APPOINTMENT_CALENDAR, APPOINTMENT_CALENDAR.PATIENT_ID.eq(person.id()))).isZero();
        assertThat(messagesOf(person.id())).isEqualTo(kept);
        assertThat(skippedAfterErasure() - skippedBefore).isEqualTo(late.size());

        // what was sent when stays readable, without any address
        List<Notification> log = as("admin-" + UUID.randomUUID(), "ADMIN").listNotifications(
                ListNotificationsRequest.newBuilder().setPatientId(person.id().toString())
                        .setPage(PageRequest.newBuilder().setPageSize(10)).build()).getNotificationsList();
        assertThat(log).hasSize(3).allSatisfy(message -> assertThat(message.getRecipient()).isEmpty());
        assertThat(log).extracting(Notification::getKind, Notification::getStatus).containsExactlyInAnyOrder(
                tuple(NotificationKind.BOOKING_CONFIRMED, NotificationStatus.SENT),
                tuple(NotificationKind.REMINDER, NotificationStatus.WITHDRAWN),
                tuple(NotificationKind.REMINDER, NotificationStatus.WITHDRAWN));
    }

    @Test
    void the_same_erasure_delivered_again_or_sent_twice_changes_nothing_more() {
        clock.set(berlin("2026-12-02T11:00"));
        Person person = aPatientWithMail();
        events.send(booked(UUID.randomUUID(), person.id(), berlin("2026-12-10T10:00")));
        await().atMost(PATIENCE).until(() -> person.inbox().read().size() == 1);
        ProducerRecord<String, String> erasure = erased(person.id());
        events.send(erasure);
        await().atMost(PATIENCE).until(() -> db.fetchExists(ERASED_PATIENT, ERASED_PATIENT.PATIENT_ID.eq(person.id())));
        Record marker = db.fetchOne(ERASED_PATIENT, ERASED_PATIENT.PATIENT_ID.eq(person.id()));
        Result<Record> kept = messagesOf(person.id());

        clock.advance(Duration.ofHours(1));
        ProducerRecord<String, String> again = erased(person.id());
        events.send(erasure);
        events.send(again);
        await().atMost(PATIENCE).until(() -> db.fetchExists(PROCESSED_EVENT, PROCESSED_EVENT.EVENT_ID.eq(eventId(again))));

        assertThat(db.fetchOne(ERASED_PATIENT, ERASED_PATIENT.PATIENT_ID.eq(person.id()))).isEqualTo(marker);
        assertThat(messagesOf(person.id())).isEqualTo(kept);
        assertThat(db.fetchCount(RECIPIENT, RECIPIENT.PATIENT_ID.eq(person.id()))).isZero();
        assertThat(db.fetchCount(CHANNEL_CONSENT_HISTORY, CHANNEL_CONSENT_HISTORY.PATIENT_ID.eq(person.id()))).isZero();
    }

    @Test
    void an_erased_patients_choices_can_not_be_set_again_nor_by_an_old_unsubscribe_link() throws Exception {
        Person person = aPatientWithMail();
        String token = tokens.issue(person.id(), Channel.EMAIL, clock.instant());
        events.send(erased(person.id()));
        await().atMost(PATIENCE).until(() -> db.fetchExists(ERASED_PATIENT, ERASED_PATIENT.PATIENT_ID.eq(person.id())));

        assertThat(codeOf(() -> as("admin-" + UUID.randomUUID(), "ADMIN").updateMessagePreferences(
                UpdateMessagePreferencesRequest.newBuilder().setPatientId(person.id().toString())
                        .setUpdateMask(FieldMask.newBuilder().addPaths("channels").addPaths("consented_channels"))
                        .addChannels(NotificationChannel.EMAIL).addConsentedChannels(NotificationChannel.EMAIL).build())))
                .isEqualTo(Status.Code.NOT_FOUND);
        // RFC 8058's one-click POST of the link in a mail the patient kept
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + HTTP_PORT + "/unsubscribe?token=" + token))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(db.fetchCount(RECIPIENT, RECIPIENT.PATIENT_ID.eq(person.id()))).isZero();
        assertThat(db.fetchCount(CHANNEL_CONSENT, CHANNEL_CONSENT.PATIENT_ID.eq(person.id()))).isZero();
        assertThat(db.fetchCount(CHANNEL_CONSENT_HISTORY, CHANNEL_CONSENT_HISTORY.PATIENT_ID.eq(person.id()))).isZero();
    }

    /** Registered through the real intake, with consent to e-mail; every value unique to this patient. */
    private Person aPatientWithMail() {
        UUID patient = UUID.randomUUID();
        String familyName = "vogelsang" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        String email = "hildegard." + familyName + "@example.org";
        String phone = "+4930" + ThreadLocalRandom.current().nextLong(10_000_000L, 100_000_000L);
        Correspondence.consentTo(db, patient, Channel.EMAIL);
        patientRecords.record(patient, email, phone);
        events.send(registered(patient));
        await().atMost(PATIENCE).until(() -> db.fetchExists(RECIPIENT, RECIPIENT.PATIENT_ID.eq(patient)));
        return new Person(patient, familyName, email, phone, Inbox.of(MAIL, email));
    }

    private List<String> statesOf(UUID patient) {
        return db.select(NOTIFICATION.STATUS).from(NOTIFICATION).where(NOTIFICATION.PATIENT_ID.eq(patient))
                .orderBy(NOTIFICATION.STATUS).fetch(NOTIFICATION.STATUS);
    }

    private Result<Record> messagesOf(UUID patient) {
        return db.select().from(NOTIFICATION).where(NOTIFICATION.PATIENT_ID.eq(patient)).orderBy(NOTIFICATION.ID).fetch();
    }

    private double skippedAfterErasure() {
        return meters.get("medicore.notification.events.after.erasure").counter().count();
    }

    private static UUID eventId(ProducerRecord<String, String> record) {
        return UUID.fromString(new String(record.headers().lastHeader("event-id").value(), StandardCharsets.UTF_8));
    }

    private static Instant berlin(String local) {
        return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
