package org.medicore.notification;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.medicore.notification.application.port.out.ClaimDueNotifications;
import org.medicore.notification.application.port.out.ComposeMessages;
import org.medicore.notification.application.port.out.LoadRecipients;
import org.medicore.notification.application.port.out.ScheduleNotifications;
import org.medicore.notification.application.port.out.SendOnChannel;
import org.medicore.notification.application.service.DeliveryService;
import org.medicore.support.port.Transactions;
import org.medicore.notification.domain.Channel;
import org.medicore.notification.domain.ClaimedNotification;
import org.medicore.notification.domain.MessageContent;
import org.medicore.notification.domain.Notification;
import org.medicore.notification.domain.NotificationKind;
import org.medicore.notification.domain.RetryPolicy;
import org.medicore.notification.support.EventStream;
import org.medicore.notification.support.ICalendar;
import org.medicore.notification.support.Inbox;
import org.medicore.notification.support.MovableClock;
import org.medicore.notification.support.PatientRecords;
import org.medicore.notification.support.RunningNotificationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.medicore.notification.adapter.out.jooq.generated.Tables.NOTIFICATION;
import static org.medicore.notification.adapter.out.jooq.generated.Tables.RECIPIENT;
import static org.medicore.notification.support.EventStream.booked;
import static org.medicore.notification.support.EventStream.cancelled;
import static org.medicore.notification.support.EventStream.invoiceIssued;
import static org.medicore.notification.support.EventStream.labReportProcessed;
import static org.medicore.notification.support.EventStream.registered;
import static org.medicore.notification.support.EventStream.rescheduled;

/** From the real event topics to a mailbox read over IMAP, with the service's clock moved by the test. */
class NotificationFlowTest extends RunningNotificationService {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Duration QUIET_WHILE = Duration.ofMillis(800);
    private static final EventStream events = new EventStream();
    private static final Logger log = LoggerFactory.getLogger(NotificationFlowTest.class);

    @Autowired
    DSLContext db;

    @Autowired
    MovableClock clock;

    @Autowired
    Transactions transactions;

    @Autowired
    ClaimDueNotifications claims;

    @Autowired
    ScheduleNotifications schedule;

    @Autowired
    LoadRecipients recipients;

    @Autowired
    ComposeMessages composer;

    @Autowired
    List<SendOnChannel> channels;

    @Autowired
    PatientRecords patientRecords;

    @AfterAll
    static void closeStream() {
        events.close();
    }

    @Test
    void a_booking_is_confirmed_once_and_a_move_replaces_the_calendar_entry_and_its_reminders() {
        clock.set(berlin("2026-12-02T11:00"));
        UUID patient = UUID.randomUUID();
        Inbox inbox = patientWithEmail(patient, "en", Set.of(Channel.EMAIL));
        UUID appointment = UUID.randomUUID();
        Instant booked = berlin("2026-12-05T09:00");
        Instant moved = berlin("2026-12-06T10:00");

        ProducerRecord<String, String> booking = booked(appointment, patient, booked);
        events.send(booking);
        events.send(booking);
        events.send(rescheduled(appointment, patient, booked, moved));

        List<Inbox.Mail> mails = await().atMost(Duration.ofSeconds(30)).until(inbox::read, read -> read.size() >= 2);
        assertThat(mails).hasSize(2);
        ICalendar confirmation = ICalendar.parse(mails.get(0).calendar().orElseThrow());
        ICalendar move = ICalendar.parse(mails.get(1).calendar().orElseThrow());
        assertThat(mails.get(0).subject()).startsWith("Your appointment on Saturday, December 5, 2026");
        assertThat(mails.get(0).calendarContentType().orElseThrow()).contains("method=REQUEST");
        assertThat(confirmation.value("METHOD")).isEqualTo("REQUEST");
        assertThat(confirmation.value("UID")).isEqualTo(appointment + "@medicore");
        assertThat(confirmation.value("SEQUENCE")).isEqualTo("0");
        assertThat(confirmation.component("VEVENT").line("DTSTART"))
                .isEqualTo("DTSTART;TZID=Europe/Berlin:20261205T090000");
        assertThat(move.value("UID")).isEqualTo(appointment + "@medicore");
        assertThat(move.value("SEQUENCE")).isEqualTo("1");
        assertThat(move.component("VEVENT").line("DTSTART")).isEqualTo("DTSTART;TZID=Europe/Berlin:20261206T100000");
        assertThat(mails).extracting(Inbox.Mail::messageId).doesNotHaveDuplicates().doesNotContainNull();
        assertThat(reminderStates(appointment)).containsExactlyInAnyOrder("WITHDRAWN", "WITHDRAWN", "PENDING", "PENDING");

        // the day before the new time: past the old time's reminders too, which must not come
        clock.set(moved.minus(Duration.ofHours(24)).plusSeconds(60));
        await().atMost(Duration.ofSeconds(10)).until(() -> inbox.read().size() >= 3);
        sleep(QUIET_WHILE);
        List<Inbox.Mail> after = inbox.read();
        assertThat(after).hasSize(3);
        assertThat(after.get(2).subject()).isEqualTo("Reminder: your appointment on Sunday, December 6, 2026 at 10:00\u202FAM");
        assertThat(after.get(2).calendar()).isEmpty();
    }

    @Test
    void a_cancellation_removes_the_calendar_entry_and_no_reminder_follows() {
        clock.set(berlin("2026-12-02T11:00"));
        UUID patient = UUID.randomUUID();
        Inbox inbox = patientWithEmail(patient, "en", Set.of(Channel.EMAIL));
        UUID appointment = UUID.randomUUID();
        Instant start = berlin("2026-12-08T15:00");

        events.send(booked(appointment, patient, start));
        events.send(cancelled(appointment, patient, start));

        List<Inbox.Mail> mails = await().atMost(Duration.ofSeconds(30)).until(inbox::read, read -> read.size() >= 2);
        Inbox.Mail cancellation = mails.get(1);
        ICalendar calendar = ICalendar.parse(cancellation.calendar().orElseThrow());
        assertThat(calendar.value("METHOD")).isEqualTo("CANCEL");
        assertThat(calendar.value("STATUS")).isEqualTo("CANCELLED");
        assertThat(calendar.value("SEQUENCE")).isEqualTo("1");
        assertThat(calendar.value("UID")).isEqualTo(appointment + "@medicore");
        assertThat(cancellation.calendarContentType().orElseThrow()).contains("method=CANCEL");
        assertThat(cancellation.text() + cancellation.html()).doesNotContain("chest pain").doesNotContain("Cardiology");

        clock.set(start.minus(Duration.ofHours(2)).plusSeconds(60));
        sleep(QUIET_WHILE);
        assertThat(inbox.read()).hasSize(2);
        assertThat(reminderStates(appointment)).containsOnly("WITHDRAWN");
    }

    @Test
    void results_wait_for_the_morning_in_the_patients_language_and_name_no_values() {
        clock.set(berlin("2026-12-02T22:30"));
        UUID patient = UUID.randomUUID();
        Inbox inbox = patientWithEmail(patient, "de", Set.of(Channel.EMAIL));

        events.send(labReportProcessed(patient, 2));

        await().atMost(Duration.ofSeconds(30)).until(() -> db.fetchCount(NOTIFICATION,
                NOTIFICATION.PATIENT_ID.eq(patient)) == 1);
        assertThat(db.select(NOTIFICATION.DUE_AT).from(NOTIFICATION).where(NOTIFICATION.PATIENT_ID.eq(patient))
                .fetchOne(NOTIFICATION.DUE_AT).toInstant()).isEqualTo(berlin("2026-12-03T08:00"));
        sleep(QUIET_WHILE);
        assertThat(inbox.read()).isEmpty();

        clock.set(berlin("2026-12-03T08:00"));
        Inbox.Mail mail = await().atMost(Duration.ofSeconds(10)).until(inbox::read, read -> read.size() == 1).getFirst();
        assertThat(mail.subject()).isEqualTo("Ihre Befunde liegen vor");
        assertThat(mail.text()).contains("Patientenportal").doesNotContainIgnoringCase("kritisch")
                .doesNotContainPattern("\\b[237]\\b");
        assertThat(mail.calendar()).isEmpty();
    }

    @Test
    void an_invoice_tells_the_amount_in_the_patients_format_and_how_to_pay_by_mail_and_sms() throws Exception {
        clock.set(berlin("2026-12-02T11:00"));
        UUID patient = UUID.randomUUID();
        Inbox inbox = patientWithEmail(patient, "de", Set.of(Channel.EMAIL, Channel.SMS));

        events.send(invoiceIssued(patient, 12050, "EUR"));

        Inbox.Mail mail = await().atMost(Duration.ofSeconds(30)).until(inbox::read, read -> read.size() == 1).getFirst();
        assertThat(mail.subject()).isEqualTo("Rechnung 2026-000777 von MediCore Clinic");
        assertThat(mail.text()).containsPattern("120,50.€").contains("1. Januar 2027").contains("IBAN:")
                .contains("Verwendungszweck: 2026-000777");
        assertThat(mail.html()).contains("<strong>2026-000777</strong>");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(SMS_FILE)
                && Files.readString(SMS_FILE).contains(phoneOf(patient)));
        assertThat(Files.readString(SMS_FILE).lines().filter(line -> line.contains(phoneOf(patient))))
                .singleElement().asString().contains("Rechnung 2026-000777 über 120,50");
    }

    @Test
    void a_registered_patient_is_told_at_the_address_of_their_record_and_keeps_their_choices_when_it_changes() {
        clock.set(berlin("2026-12-02T11:00"));
        UUID patient = UUID.randomUUID();
        Inbox first = Inbox.of(MAIL, "registered-" + patient + "@example.org");
        patientRecords.record(patient, first.address(), "+4930555000");
        ProducerRecord<String, String> registration = registered(patient);

        events.send(registration);
        await().atMost(Duration.ofSeconds(30)).until(() -> recipients.find(patient).isPresent());
        assertThat(recipients.find(patient)).get().satisfies(recipient -> {
            assertThat(recipient.email()).contains(first.address());
            assertThat(recipient.phone()).contains("+4930555000");
            assertThat(recipient.channels()).containsExactly(Channel.EMAIL);
            assertThat(recipient.zone()).isEqualTo(BERLIN);
        });

        // the patient chose German; then the record's address changes, the first registration is delivered
        // again and the change's registration follows: one row, the new address, the choice kept
        db.update(RECIPIENT).set(RECIPIENT.LANGUAGE, "de").where(RECIPIENT.PATIENT_ID.eq(patient)).execute();
        Inbox changed = Inbox.of(MAIL, "changed-" + patient + "@example.org");
        patientRecords.record(patient, changed.address(), "+4930555001");
        events.send(registration);
        events.send(registered(patient));
        await().atMost(Duration.ofSeconds(30)).until(() -> recipients.find(patient).flatMap(r -> r.email())
                .filter(changed.address()::equals).isPresent());
        events.send(booked(UUID.randomUUID(), patient, berlin("2026-12-09T11:00")));

        List<Inbox.Mail> mails = await().atMost(Duration.ofSeconds(30)).until(changed::read, read -> !read.isEmpty());
        assertThat(mails).singleElement().extracting(Inbox.Mail::subject).asString().startsWith("Ihr Termin am Mittwoch");
        assertThat(first.read()).isEmpty();
        assertThat(db.fetchCount(RECIPIENT, RECIPIENT.PATIENT_ID.eq(patient))).isEqualTo(1);
    }

    @Test
    void a_message_to_a_patient_without_an_address_fails_and_says_why() {
        clock.set(berlin("2026-12-02T11:00"));
        UUID stranger = UUID.randomUUID();

        events.send(booked(UUID.randomUUID(), stranger, berlin("2026-12-09T11:00")));

        await().atMost(Duration.ofSeconds(30)).until(() -> db.fetchCount(NOTIFICATION,
                NOTIFICATION.PATIENT_ID.eq(stranger).and(NOTIFICATION.STATUS.eq("FAILED"))) == 1);
        assertThat(db.select(NOTIFICATION.LAST_ERROR).from(NOTIFICATION)
                .where(NOTIFICATION.PATIENT_ID.eq(stranger).and(NOTIFICATION.STATUS.eq("FAILED")))
                .fetchOne(NOTIFICATION.LAST_ERROR)).isEqualTo("no EMAIL address for the patient");
    }

    @Test
    void two_instances_claiming_at_once_never_take_the_same_message() throws Exception {
        // due in a year the delivery round's clock never reaches in this suite
        Instant farAhead = Instant.parse("2100-01-01T00:00:00Z");
        UUID patient = UUID.randomUUID();
        List<Notification> mine = IntStream.range(0, 20).mapToObj(i -> new Notification(UUID.randomUUID(),
                "claim-test:" + patient + ":" + i, patient, NotificationKind.RESULTS_READY, Channel.EMAIL, farAhead,
                new MessageContent.ResultsReady(UUID.randomUUID()))).toList();
        transactions.inTransaction(() -> schedule.schedule(mine, clock.instant()));
        assertThat(transactions.inTransaction(() -> schedule.schedule(mine, clock.instant()))).isZero();

        CountDownLatch firstHolds = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        CompletableFuture<Set<UUID>> first = CompletableFuture.supplyAsync(() -> claimAndRollBack(
                farAhead, 8, firstHolds, secondDone));
        assertThat(firstHolds.await(10, TimeUnit.SECONDS)).isTrue();
        Set<UUID> second = claimAndRollBack(farAhead, 1000, null, null);
        secondDone.countDown();

        Set<UUID> firstClaimed = first.get(10, TimeUnit.SECONDS);
        assertThat(firstClaimed).hasSize(8).doesNotContainAnyElementsOf(second);
        Set<UUID> both = new HashSet<>(firstClaimed);
        both.addAll(second);
        assertThat(both).containsAll(mine.stream().map(Notification::id).toList());
    }

    @Test
    void a_second_instance_delivering_beside_the_first_sends_each_due_message_exactly_once() throws Exception {
        clock.set(berlin("2026-12-02T11:00"));
        UUID patient = UUID.randomUUID();
        Inbox inbox = patientWithEmail(patient, "en", Set.of(Channel.EMAIL));
        int count = 60;
        List<Notification> due = IntStream.range(0, count).mapToObj(i -> new Notification(UUID.randomUUID(),
                "two-instances:" + patient + ":" + i, patient, NotificationKind.RESULTS_READY, Channel.EMAIL,
                clock.instant(), new MessageContent.ResultsReady(UUID.randomUUID()))).toList();
        DeliveryService secondInstance = new DeliveryService(transactions, claims, recipients, composer, channels,
                new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(1)), 50, BERLIN, clock);

        long started = System.nanoTime();
        transactions.inTransaction(() -> schedule.schedule(due, clock.instant()));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> {
            int delivered = 0;
            for (int round; (round = secondInstance.deliverDue()) > 0; ) {
                delivered += round;
            }
            return delivered;
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> db.fetchCount(NOTIFICATION,
                NOTIFICATION.PATIENT_ID.eq(patient).and(NOTIFICATION.STATUS.eq("SENT"))) == count);
        double seconds = (System.nanoTime() - started) / 1e9;
        int bySecond = second.get(10, TimeUnit.SECONDS);

        assertThat(inbox.messageIds()).hasSize(count).doesNotHaveDuplicates();
        assertThat(bySecond).isBetween(1, count - 1);
        log.info("{} messages sent over SMTP by two instances in {} s ({} per second; the second sent {})",
                count, String.format("%.2f", seconds), Math.round(count / seconds), bySecond);
    }

    /** Claims in a transaction, optionally holds it open until told, then rolls it back. */
    private Set<UUID> claimAndRollBack(Instant now, int limit, CountDownLatch holding, CountDownLatch release) {
        Set<UUID> claimed = new HashSet<>();
        try {
            transactions.inTransaction(() -> {
                claims.claimDue(now, limit).stream().map(ClaimedNotification::notification).map(Notification::id)
                        .forEach(claimed::add);
                if (holding != null) {
                    holding.countDown();
                    awaitQuietly(release);
                }
                throw new RolledBack();
            });
        } catch (RolledBack expected) {
            // the claim was only looked at
        }
        return claimed;
    }

    private Inbox patientWithEmail(UUID patient, String language, Set<Channel> channels) {
        Inbox inbox = Inbox.of(MAIL, "patient-" + patient + "@example.org");
        db.insertInto(RECIPIENT)
                .set(RECIPIENT.PATIENT_ID, patient)
                .set(RECIPIENT.EMAIL, inbox.address())
                .set(RECIPIENT.PHONE, phoneOf(patient))
                .set(RECIPIENT.EMAIL_ENABLED, channels.contains(Channel.EMAIL))
                .set(RECIPIENT.SMS_ENABLED, channels.contains(Channel.SMS))
                .set(RECIPIENT.LANGUAGE, language)
                .set(RECIPIENT.TIME_ZONE, BERLIN.getId())
                .set(RECIPIENT.QUIET_HOURS_START, LocalTime.of(21, 0))
                .set(RECIPIENT.QUIET_HOURS_END, LocalTime.of(8, 0))
                .set(RECIPIENT.UPDATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .execute();
        return inbox;
    }

    private static String phoneOf(UUID patient) {
        return "+49301" + String.format("%08d", Math.floorMod(patient.getLeastSignificantBits(), 100_000_000L));
    }

    private List<String> reminderStates(UUID appointment) {
        return db.select(NOTIFICATION.STATUS).from(NOTIFICATION)
                .where(NOTIFICATION.APPOINTMENT_ID.eq(appointment).and(NOTIFICATION.KIND.eq("REMINDER")))
                .fetch(NOTIFICATION.STATUS);
    }

    private static Instant berlin(String local) {
        return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class RolledBack extends RuntimeException {
    }
}
