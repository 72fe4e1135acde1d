package org.medicore.notification;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.medicore.notification.application.port.in.ManageMessagePreferences;
import org.medicore.notification.application.port.out.ClaimDueNotifications;
import org.medicore.notification.application.port.out.ComposeMessages;
import org.medicore.notification.application.port.out.ComposedMessage;
import org.medicore.notification.application.port.out.LoadRecipients;
import org.medicore.notification.application.port.out.ScheduleNotifications;
import org.medicore.notification.application.port.out.SendOnChannel;
import org.medicore.notification.application.service.DeliveryService;
import org.medicore.support.port.Transactions;
import org.medicore.notification.domain.Caller;
import org.medicore.notification.domain.Channel;
import org.medicore.notification.domain.ClaimedNotification;
import org.medicore.notification.domain.DeliveryOutcome;
import org.medicore.notification.domain.Language;
import org.medicore.notification.domain.MessageContent;
import org.medicore.notification.domain.Notification;
import org.medicore.notification.domain.NotificationKind;
import org.medicore.notification.domain.Recipient;
import org.medicore.notification.domain.RetryPolicy;
import org.medicore.notification.domain.Role;
import org.medicore.notification.support.Correspondence;
import org.medicore.notification.support.EventStream;
import org.medicore.notification.support.ICalendar;
import org.medicore.notification.support.Inbox;
import org.medicore.notification.support.MovableClock;
import org.medicore.notification.support.PatientRecords;
import org.medicore.notification.support.RunningNotificationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.medicore.notification.adapter.out.jooq.generated.Tables.NOTIFICATION;
import static org.medicore.notification.adapter.out.jooq.generated.Tables.PROCESSED_EVENT;
import static org.medicore.notification.adapter.out.jooq.generated.Tables.RECIPIENT;
import static org.medicore.notification.support.EventStream.booked;
import static org.medicore.support.kafka.AppointmentEventPairs.writtenBeforeV2;
import static org.medicore.notification.support.EventStream.cancelled;
import static org.medicore.notification.support.EventStream.contactChanged;
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

    @Autowired
    ManageMessagePreferences preferences;

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
    void a_booking_written_before_v2_and_left_on_the_topic_is_still_confirmed() {
        clock.set(berlin("2026-12-02T11:00"));
        UUID patient = UUID.randomUUID();
        Inbox inbox = patientWithEmail(patient, "en", Set.of(Channel.EMAIL));
        UUID appointment = UUID.randomUUID();

        events.send(writtenBeforeV2(booked(appointment, patient, berlin("2026-12-09T10:00"))));

        Inbox.Mail confirmation = await().atMost(Duration.ofSeconds(30)).until(inbox::read, read -> !read.isEmpty()).getFirst();
        ICalendar calendar = ICalendar.parse(confirmation.calendar().orElseThrow());
        assertThat(calendar.value("METHOD")).isEqualTo("REQUEST");
        assertThat(calendar.value("UID")).isEqualTo(appointment + "@medicore");
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
        Inbox first = inPatientRecord(patient, "registered", "+4930555000");
        ProducerRecord<String, String> registration = registered(patient);

        sendAndAwaitAddress(registration, patient, first);
        assertThat(recipients.find(patient)).get().satisfies(recipient -> {
            assertThat(recipient.email()).contains(first.address());
            assertThat(recipient.phone()).contains("+4930555000");
            assertThat(recipient.channels()).containsExactly(Channel.EMAIL);
            assertThat(recipient.zone()).isEqualTo(BERLIN);
        });

        // the patient chose German; then the record's address changes, the first registration is delivered
        // again and the change follows, twice: one row, the new address, the choice kept, the change applied once
        db.update(RECIPIENT).set(RECIPIENT.LANGUAGE, "de").where(RECIPIENT.PATIENT_ID.eq(patient)).execute();
        Inbox changed = inPatientRecord(patient, "changed", "+4930555001");
        ProducerRecord<String, String> change = contactChanged(patient);
        events.send(registration);
        events.send(change);
        sendAndAwaitAddress(change, patient, changed);
        events.send(booked(UUID.randomUUID(), patient, berlin("2026-12-09T11:00")));

        List<Inbox.Mail> mails = await().atMost(Duration.ofSeconds(30)).until(changed::read, read -> !read.isEmpty());
        assertThat(mails).singleElement().extracting(Inbox.Mail::subject).asString().startsWith("Ihr Termin am Mittwoch");
        assertThat(first.read()).isEmpty();
        assertThat(db.fetchCount(RECIPIENT, RECIPIENT.PATIENT_ID.eq(patient))).isEqualTo(1);
        assertThat(recipients.find(patient)).get().satisfies(recipient -> {
            assertThat(recipient.phone()).contains("+4930555001");
            assertThat(recipient.language()).isEqualTo(Language.GERMAN);
        });
        assertThat(db.fetchCount(PROCESSED_EVENT, PROCESSED_EVENT.EVENT_ID.eq(UUID.fromString(eventId(change)))))
                .isEqualTo(1);
    }

    @Test
    void a_reminder_planned_before_a_change_of_address_goes_to_the_new_address() {
        clock.set(berlin("2026-12-02T11:00"));
        UUID patient = UUID.randomUUID();
        Inbox before = inPatientRecord(patient, "before", "+4930555010");
        sendAndAwaitAddress(registered(patient), patient, before);
        Instant visit = berlin("2026-12-09T11:00");
        events.send(booked(UUID.randomUUID(), patient, visit));
        await().atMost(Duration.ofSeconds(30)).until(before::read, read -> read.size() == 1);

        Inbox after = inPatientRecord(patient, "after", "+4930555011");
        sendAndAwaitAddress(contactChanged(patient), patient, after);
        clock.set(visit.minus(Duration.ofHours(24)).plusSeconds(60));

        List<Inbox.Mail> reminders = await().atMost(Duration.ofSeconds(30)).until(after::read, read -> !read.isEmpty());
        sleep(QUIET_WHILE);
        assertThat(after.read()).hasSize(1);
        assertThat(reminders).singleElement().extracting(Inbox.Mail::subject).asString()
                .startsWith("Reminder: your appointment on Wednesday, December 9, 2026");
        assertThat(before.read()).as("only the confirmation, sent before the change").hasSize(1);
    }

    @Test
    void a_contact_change_of_a_patient_never_seen_here_gives_them_a_row_as_a_registration_would() {
        UUID patient = UUID.randomUUID();
        Inbox unseen = inPatientRecord(patient, "unseen", "+4930555020");

        sendAndAwaitAddress(contactChanged(patient), patient, unseen);

        assertThat(recipients.find(patient)).get().satisfies(recipient -> {
            assertThat(recipient.phone()).contains("+4930555020");
            assertThat(recipient.channels()).containsExactly(Channel.EMAIL);
            assertThat(recipient.language()).isEqualTo(Language.ENGLISH);
            assertThat(recipient.zone()).isEqualTo(BERLIN);
        });
    }

    @Test
    void messages_go_out_in_the_language_of_the_patients_record_and_follow_its_change() {
        clock.set(berlin("2026-12-02T11:00"));
        UUID patient = UUID.randomUUID();
        Inbox german = inPatientRecord(patient, "deutsch", "+4930555030", Language.GERMAN);
        sendAndAwaitAddress(registered(patient), patient, german);

        events.send(booked(UUID.randomUUID(), patient, berlin("2026-12-09T11:00")));

        List<Inbox.Mail> mails = await().atMost(Duration.ofSeconds(30)).until(german::read, read -> !read.isEmpty());
        assertThat(mails).singleElement().extracting(Inbox.Mail::subject).asString().startsWith("Ihr Termin am Mittwoch");

        Inbox english = inPatientRecord(patient, "english", "+4930555030", Language.ENGLISH);
        sendAndAwaitAddress(contactChanged(patient), patient, english);
        assertThat(recipients.find(patient)).get().extracting(Recipient::language).isEqualTo(Language.ENGLISH);
    }

    @Test
    void a_message_to_a_patient_without_an_address_fails_and_says_why() {
        clock.set(berlin("2026-12-02T11:00"));
        UUID stranger = UUID.randomUUID();
        // the patient agreed to e-mail on the profile before their registration reached this service
        preferences.change(new Caller(stranger.toString(), Set.of(Role.PATIENT)), new ManageMessagePreferences.Change(
                stranger, Optional.empty(), Optional.of(Set.of(Channel.EMAIL)), Optional.empty()));

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

    @Test
    void a_message_claimed_by_an_instance_that_stops_before_sending_is_sent_once_by_another_when_the_claim_ends()
            throws Exception {
        clock.set(berlin("2026-12-02T11:00"));
        // the stopping instance takes the first row due in its minute: nothing but this test's may be
        await().atMost(Duration.ofSeconds(30)).until(() -> db.fetchCount(NOTIFICATION, NOTIFICATION.STATUS.eq("PENDING")
                .and(NOTIFICATION.NEXT_ATTEMPT_AT.le(clock.instant().plusSeconds(60).atOffset(ZoneOffset.UTC)))) == 0);
        UUID patient = UUID.randomUUID();
        Inbox inbox = patientWithEmail(patient, "en", Set.of(Channel.EMAIL));
        Notification message = new Notification(UUID.randomUUID(), "stopped-instance:" + patient, patient,
                NotificationKind.RESULTS_READY, Channel.EMAIL, clock.instant().plusSeconds(30),
                new MessageContent.ResultsReady(UUID.randomUUID()));
        transactions.inTransaction(() -> schedule.schedule(List.of(message), clock.instant()));

        // An instance whose clock is a minute ahead claims the message (not yet due for the running
        // service) and stops before sending: its transaction stays open, holding the row.
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch processEnded = new CountDownLatch(1);
        AtomicReference<String> claimedKey = new AtomicReference<>();
        AtomicInteger connection = new AtomicInteger();
        SendOnChannel stopsBeforeSending = new SendOnChannel() {
            @Override
            public Channel channel() {
                return Channel.EMAIL;
            }

            @Override
            public DeliveryOutcome send(String address, ComposedMessage composed, String idempotencyKey) {
                connection.set(db.fetchValue(DSL.field("pg_backend_pid()", Integer.class)));
                claimedKey.set(idempotencyKey);
                claimed.countDown();
                awaitQuietly(processEnded);
                throw new IllegalStateException("the instance stopped before sending");
            }
        };
        DeliveryService stopping = new DeliveryService(transactions, claims, recipients, composer,
                List.of(stopsBeforeSending), new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(1)), 1, BERLIN,
                Clock.fixed(clock.instant().plusSeconds(60), ZoneOffset.UTC));
        CompletableFuture<Integer> stoppedRound = CompletableFuture.supplyAsync(stopping::deliverDue);
        assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(claimedKey.get()).isEqualTo(message.idempotencyKey());

        // due now for the running service too, which passes the claimed row by
        clock.set(clock.instant().plusSeconds(60));
        sleep(QUIET_WHILE);
        assertThat(inbox.read()).isEmpty();

        // the stopped instance's connection ends, as when its process is killed: PostgreSQL rolls its
        // transaction back, the claim ends with it, and the running service sends the message
        db.fetchValue(DSL.field("pg_terminate_backend({0})", Boolean.class, DSL.val(connection.get())));
        List<Inbox.Mail> mails = await().atMost(Duration.ofSeconds(30)).until(inbox::read, read -> !read.isEmpty());
        processEnded.countDown();
        assertThatThrownBy(stoppedRound::join).as("the stopped instance never commits anything")
                .isInstanceOf(CompletionException.class);
        sleep(QUIET_WHILE);

        assertThat(inbox.read()).hasSize(1);
        assertThat(mails).singleElement().extracting(Inbox.Mail::subject).isEqualTo("Your results are ready");
        assertThat(db.select(NOTIFICATION.STATUS, NOTIFICATION.ATTEMPTS).from(NOTIFICATION)
                .where(NOTIFICATION.ID.eq(message.id())).fetchOne())
                .satisfies(row -> {
                    assertThat(row.value1()).isEqualTo("SENT");
                    assertThat(row.value2()).isEqualTo(1);
                });
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
        Correspondence.consentTo(db, patient, channels.toArray(Channel[]::new));
        return inbox;
    }

    /** patient-service's record of the patient (who agreed to e-mail) now names a new mailbox and phone. */
    private Inbox inPatientRecord(UUID patient, String mailbox, String phone) {
        Correspondence.consentTo(db, patient, Channel.EMAIL);
        Inbox inbox = Inbox.of(MAIL, mailbox + "-" + patient + "@example.org");
        patientRecords.record(patient, inbox.address(), phone);
        return inbox;
    }

    /** patient-service's record of the patient (who agreed to e-mail) now names a new mailbox, phone and preferred language. */
    private Inbox inPatientRecord(UUID patient, String mailbox, String phone, Language language) {
        Correspondence.consentTo(db, patient, Channel.EMAIL);
        Inbox inbox = Inbox.of(MAIL, mailbox + "-" + patient + "@example.org");
        patientRecords.record(patient, inbox.address(), phone, language);
        return inbox;
    }

    @Test
    void an_instance_frozen_in_its_claim_loses_the_claim_after_a_minute() {
        // every pooled connection tells PostgreSQL to end a session idle in its transaction that long
        assertThat(db.fetchValue("SHOW idle_in_transaction_session_timeout")).isEqualTo("1min");
    }

    private void sendAndAwaitAddress(ProducerRecord<String, String> event, UUID patient, Inbox inbox) {
        events.send(event);
        await().atMost(Duration.ofSeconds(30)).until(() -> recipients.find(patient).flatMap(Recipient::email)
                .filter(inbox.address()::equals).isPresent());
    }

    private static String eventId(ProducerRecord<String, String> record) {
        return new String(record.headers().lastHeader("event-id").value(), StandardCharsets.UTF_8);
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
