package org.medicore.notification.jmh;

import org.medicore.localstack.AuditDatabase;
import org.medicore.localstack.TestStack;
import org.medicore.localstack.TestTokens;
import org.medicore.notification.NotificationServiceApplication;
import org.medicore.notification.application.port.out.ClaimDueNotifications;
import org.medicore.notification.application.port.out.ComposeMessages;
import org.medicore.notification.application.port.out.ComposedMessage;
import org.medicore.notification.application.port.out.LoadRecipients;
import org.medicore.notification.application.port.out.SaveRecipients;
import org.medicore.notification.application.port.out.ScheduleNotifications;
import org.medicore.notification.application.port.out.SendOnChannel;
import org.medicore.notification.application.service.DeliveryService;
import org.medicore.notification.domain.Channel;
import org.medicore.notification.domain.ChannelConsent;
import org.medicore.notification.domain.DeliveryOutcome;
import org.medicore.notification.domain.Language;
import org.medicore.notification.domain.MessageContent;
import org.medicore.notification.domain.Notification;
import org.medicore.notification.domain.NotificationKind;
import org.medicore.notification.domain.PatientContact;
import org.medicore.notification.domain.QuietHours;
import org.medicore.notification.domain.RetryPolicy;
import org.medicore.support.port.Transactions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reminders sent per second on the delivery's hot path, against a real PostgreSQL (the test stack's,
 * fsync off) with the service's own adapters: claim the next due row ({@code FOR UPDATE SKIP LOCKED}),
 * read the recipient and their consent, render the reminder from its templates (text, HTML, SMS, the
 * signed unsubscribe link), hand it to the channel and record it SENT, one transaction per message. The
 * channel is a fake that accepts at once: the figure is this service's own cost, without SMTP's or SES's.
 * Each invocation delivers {@value #REMINDERS} due reminders (of 200 patients, German and English) with
 * {@code workers} delivery loops side by side, as that many instances would share them.
 * Run: bench/run jmh-notification-service (bench/README.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, batchSize = 1)
@Measurement(iterations = 5, batchSize = 1)
@Fork(1)
public class ReminderDeliveryBenchmark {

    static final int REMINDERS = 2_000;
    private static final int PATIENTS = 200;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Param({"1", "2"})
    public int workers;

    private ConfigurableApplicationContext service;
    private ScheduleNotifications schedule;
    private DeliveryService delivery;
    private ExecutorService loops;
    private final List<UUID> patients = new ArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();

    @Setup(Level.Trial)
    public void startTheService() throws IOException, InterruptedException {
        Map<String, Object> settings = new HashMap<>(AuditDatabase.writerProperties(TestStack.postgres()));
        settings.put("spring.datasource.url", TestStack.newDatabaseUrl("notifications_bench"));
        settings.put("spring.kafka.bootstrap-servers", TestStack.kafka().bootstrapServers());
        settings.put("spring.kafka.listener.auto-startup", "false");
        settings.put("spring.grpc.server.port", "0");
        settings.put("medicore.notification.security.issuer", TestTokens.ISSUER);
        settings.put("medicore.notification.security.jwk-set-uri", TestTokens.jwksUri());
        settings.put("medicore.notification.unsubscribe.secret", "the benchmark's unsubscribe secret, 32+ bytes");
        settings.put("medicore.notification.sms.file", Files.createTempDirectory("bench-sms").resolve("outbox.txt").toString());
        settings.put("logging.level.root", "WARN");
        // the service's own delivery round (which would send by SMTP) must not race the measured loops:
        // it runs once at the start, on an empty table, and is stopped before any reminder is due
        settings.put("medicore.notification.delivery.poll-interval", "24h");
        // as arguments: properties() would be defaults, which application.yaml overrides
        service = new SpringApplicationBuilder(NotificationServiceApplication.class).web(WebApplicationType.NONE)
                .run(settings.entrySet().stream().map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
                        .toArray(String[]::new));

        ScheduledExecutorService ownRound = service.getBean("deliverySchedule", ThreadPoolTaskScheduler.class)
                .getScheduledExecutor();
        ownRound.shutdownNow();
        if (!ownRound.awaitTermination(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the service's own delivery round did not stop");
        }
        schedule = service.getBean(ScheduleNotifications.class);
        SaveRecipients recipients = service.getBean(SaveRecipients.class);
        Instant now = Instant.now();
        for (int i = 0; i < PATIENTS; i++) {
            UUID patient = UUID.randomUUID();
            Language language = i % 2 == 0 ? Language.ENGLISH : Language.GERMAN;
            recipients.saveContact(patient, new PatientContact(Optional.of("patient" + i + "@example.org"),
                    Optional.of("+49301234" + (1000 + i)), Optional.of(language)), BERLIN, now);
            // no quiet hours: a run at night must not postpone what it measures
            recipients.saveChoices(patient, Optional.of(Set.of(Channel.EMAIL)),
                    Optional.of(new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)), BERLIN, now);
            recipients.saveConsent(patient, ChannelConsent.given(Channel.EMAIL, now, ChannelConsent.Source.PATIENT));
            patients.add(patient);
        }
        SendOnChannel acceptingMail = new SendOnChannel() {
            @Override
            public Channel channel() {
                return Channel.EMAIL;
            }

            @Override
            public DeliveryOutcome send(String address, ComposedMessage message, String idempotencyKey) {
                accepted.incrementAndGet();
                return new DeliveryOutcome.Delivered(idempotencyKey);
            }
        };
        delivery = new DeliveryService(service.getBean(Transactions.class), service.getBean(ClaimDueNotifications.class),
                service.getBean(LoadRecipients.class), service.getBean(ComposeMessages.class), List.of(acceptingMail),
                new RetryPolicy(6, Duration.ofSeconds(30), Duration.ofMinutes(30)), 50, BERLIN,
                service.getBean(Clock.class));
        loops = Executors.newFixedThreadPool(workers);
    }

    /** The next invocation's reminders, due a second ago, for visits tomorrow. */
    @Setup(Level.Invocation)
    public void remindersDue() {
        Instant now = Instant.now();
        List<Notification> reminders = new ArrayList<>(REMINDERS);
        for (int i = 0; i < REMINDERS; i++) {
            Instant visit = now.plus(Duration.ofHours(24)).plusSeconds(600L * (i % 50));
            reminders.add(new Notification(UUID.randomUUID(), "REMINDER:bench:" + UUID.randomUUID() + ":EMAIL",
                    patients.get(i % PATIENTS), NotificationKind.REMINDER, Channel.EMAIL, now.minusSeconds(1),
                    new MessageContent.AppointmentDetails(UUID.randomUUID(), visit, visit.plusSeconds(1800), BERLIN, 0)));
        }
        schedule.schedule(reminders, now.minusSeconds(1));
        accepted.set(0);
    }

    @Benchmark
    @OperationsPerInvocation(REMINDERS)
    public int deliverDueReminders() throws Exception {
        List<Future<Integer>> running = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            running.add(loops.submit(() -> {
                int sent = 0;
                for (int round = delivery.deliverDue(); round > 0; round = delivery.deliverDue()) {
                    sent += round;
                }
                return sent;
            }));
        }
        int sent = 0;
        for (Future<Integer> loop : running) {
            sent += loop.get();
        }
        return sent;
    }

    /** Every reminder of the invocation went out once: none left due, none twice. */
    @TearDown(Level.Invocation)
    public void allSentOnce() {
        if (accepted.get() != REMINDERS) {
            throw new IllegalStateException(accepted.get() + " reminders handed to the channel, not " + REMINDERS);
        }
    }

    @TearDown(Level.Trial)
    public void stopTheService() {
        loops.shutdownNow();
        service.close();
    }
}
