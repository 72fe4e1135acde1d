package org.medicore.notification.adapter.in.grpc;

import io.grpc.Status;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.notification.v1.ListNotificationsRequest;
import org.medicore.contracts.notification.v1.ListNotificationsResponse;
import org.medicore.contracts.notification.v1.Notification;
import org.medicore.contracts.notification.v1.NotificationKind;
import org.medicore.contracts.notification.v1.NotificationServiceGrpc;
import org.medicore.contracts.notification.v1.NotificationStatus;
import org.medicore.notification.support.Correspondence;
import org.medicore.notification.support.EventStream;
import org.medicore.notification.support.MovableClock;
import org.medicore.notification.support.PatientRecords;
import org.medicore.notification.support.CallingTheService;
import org.medicore.support.audit.TestStackAuditTrail;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.medicore.notification.adapter.out.jooq.generated.Tables.NOTIFICATION;
import static org.medicore.notification.support.EventStream.booked;
import static org.medicore.notification.support.EventStream.invoiceIssued;

/**
 * ListNotifications over a real gRPC channel, with the messages the running service planned and
 * sent from real events: who may read what, paging, bad input, and the audit trail of the reads.
 */
class SentMessagesEndpointTest extends CallingTheService {

    private static final EventStream events = new EventStream();
    private static final String DOCTOR = "doctor-" + UUID.randomUUID();

    @Autowired
    DSLContext db;

    @Autowired
    MovableClock clock;

    @Autowired
    PatientRecords patientRecords;

    @BeforeEach
    void setTheClock() {
        clock.set(LocalDateTime.parse("2026-12-02T11:00").atZone(ZoneId.of("Europe/Berlin")).toInstant());
    }

    @AfterAll
    static void closeStream() {
        events.close();
    }

    @Test
    void staff_and_the_patient_read_what_was_sent_to_whom_and_when_page_by_page() {
        UUID patient = patientWithConfirmationRemindersAndInvoice("ruth.berger");

        ListNotificationsResponse first = as(DOCTOR, "DOCTOR").listNotifications(request(patient, 3, ""));
        ListNotificationsResponse second = as(DOCTOR, "DOCTOR")
                .listNotifications(request(patient, 3, first.getPageInfo().getNextPageToken()));

        assertThat(first.getPageInfo().getTotalSize()).isEqualTo(4);
        assertThat(first.getNotificationsList()).hasSize(3);
        assertThat(second.getNotificationsList()).hasSize(1);
        assertThat(second.getPageInfo().getNextPageToken()).isEmpty();
        List<Notification> all = new ArrayList<>(first.getNotificationsList());
        all.addAll(second.getNotificationsList());
        assertThat(all).extracting(Notification::getKind).containsExactlyInAnyOrder(NotificationKind.BOOKING_CONFIRMED,
                NotificationKind.REMINDER, NotificationKind.REMINDER, NotificationKind.INVOICE_ISSUED);
        Notification confirmation = only(all, NotificationKind.BOOKING_CONFIRMED);
        assertThat(confirmation.getStatus()).isEqualTo(NotificationStatus.SENT);
        assertThat(confirmation.getRecipient()).isEqualTo("r***@example.org");
        assertThat(confirmation.hasSentAt()).isTrue();
        assertThat(confirmation.getAppointmentId()).isNotEmpty();
        assertThat(only(all, NotificationKind.INVOICE_ISSUED).getInvoiceNumber()).isEqualTo("2026-000777");
        assertThat(all).filteredOn(message -> message.getKind() == NotificationKind.REMINDER)
                .allSatisfy(reminder -> {
                    assertThat(reminder.getStatus()).isEqualTo(NotificationStatus.PENDING);
                    assertThat(reminder.getRecipient()).isEmpty();
                    assertThat(reminder.hasSentAt()).isFalse();
                });

        assertThat(as(patient.toString(), "PATIENT").listNotifications(request(patient, 0, ""))
                .getNotificationsList()).hasSize(4);
        assertThat(as("billing-" + UUID.randomUUID(), "BILLING").listNotifications(request(patient, 0, ""))
                .getNotificationsList()).extracting(Notification::getKind).containsExactly(NotificationKind.INVOICE_ISSUED);
    }

    @Test
    void a_message_not_sent_for_want_of_consent_says_why() {
        UUID stranger = UUID.randomUUID();
        events.send(booked(UUID.randomUUID(), stranger, berlin("2026-12-09T11:00")));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.fetchCount(NOTIFICATION,
                NOTIFICATION.PATIENT_ID.eq(stranger).and(NOTIFICATION.KIND.eq("BOOKING_CONFIRMED"))
                        .and(NOTIFICATION.STATUS.eq("WITHDRAWN"))) == 1);

        Notification withdrawn = only(as("admin-" + UUID.randomUUID(), "ADMIN")
                .listNotifications(request(stranger, 0, "")).getNotificationsList(), NotificationKind.BOOKING_CONFIRMED);

        assertThat(withdrawn.getStatus()).isEqualTo(NotificationStatus.WITHDRAWN);
        assertThat(withdrawn.getReason()).isEqualTo("no consent to EMAIL messages");
        assertThat(withdrawn.getRecipient()).isEmpty();
        assertThat(withdrawn.getAttempts()).isZero();
    }

    @Test
    void a_patient_reads_only_their_own_and_every_read_is_audited() throws SQLException {
        UUID patient = UUID.randomUUID();
        String someoneElse = UUID.randomUUID().toString();

        as(DOCTOR, "DOCTOR").listNotifications(request(patient, 0, ""));
        assertThat(codeOf(() -> as(someoneElse, "PATIENT").listNotifications(request(patient, 0, ""))))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> NotificationServiceGrpc.newBlockingStub(channel).listNotifications(request(patient, 0, ""))))
                .isEqualTo(Status.Code.UNAUTHENTICATED);

        assertThat(auditedReadsOf(patient)).containsExactly(
                DOCTOR + " ListNotifications READ ALLOWED",
                someoneElse + " ListNotifications READ DENIED");
    }

    @Test
    void a_malformed_request_names_each_bad_field() {
        assertThat(violatedFields(() -> as(DOCTOR, "DOCTOR").listNotifications(ListNotificationsRequest.newBuilder()
                .setPatientId("nope").setPage(PageRequest.newBuilder().setPageSize(-1).setPageToken("%%")).build())))
                .containsExactlyInAnyOrder("patient_id", "page.page_size", "page.page_token");
    }

    private UUID patientWithConfirmationRemindersAndInvoice(String mailbox) {
        Correspondence correspondence = new Correspondence(events, patientRecords, db);
        UUID patient = correspondence.aRegisteredPatient(mailbox);
        correspondence.aConfirmedBooking(patient, berlin("2026-12-09T11:00"));
        events.send(invoiceIssued(patient, 12050, "EUR"));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.fetchCount(NOTIFICATION,
                NOTIFICATION.PATIENT_ID.eq(patient).and(NOTIFICATION.STATUS.eq("SENT"))) == 2
                && db.fetchCount(NOTIFICATION, NOTIFICATION.PATIENT_ID.eq(patient)) == 4);
        return patient;
    }


    private static ListNotificationsRequest request(UUID patient, int pageSize, String token) {
        return ListNotificationsRequest.newBuilder().setPatientId(patient.toString())
                .setPage(PageRequest.newBuilder().setPageSize(pageSize).setPageToken(token)).build();
    }

    private static Notification only(List<Notification> messages, NotificationKind kind) {
        return messages.stream().filter(message -> message.getKind() == kind).reduce((a, b) -> {
            throw new AssertionError("more than one " + kind);
        }).orElseThrow();
    }

    private static java.time.Instant berlin(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Europe/Berlin")).toInstant();
    }



    private static List<String> auditedReadsOf(UUID patient) {
        return TestStackAuditTrail.recordsOfPatient(patient.toString()).stream()
                .map(record -> record.subject() + " " + record.operation() + " " + record.action() + " " + record.outcome())
                .toList();
    }
}
