package org.medicore.notification.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.medicore.localstack.AuditDatabase;
import org.medicore.localstack.FreePorts;
import org.medicore.localstack.TestStack;
import org.medicore.localstack.TestTokens;
import org.medicore.notification.NotificationServiceApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The whole service against the real PostgreSQL (with the audit database) and Kafka of the test
 * stack, its gRPC server on a free port taking tokens from {@link TestTokens}, its HTTP server (the
 * unsubscribe page) on another, and a GreenMail
 * SMTP/IMAP server in this JVM, with a clock the tests move and patient-service's contact details
 * as the tests record them. Every test class extending it
 * shares one Spring context, hence one consumer of the event topics.
 */
@SpringBootTest(classes = {NotificationServiceApplication.class, RunningNotificationService.TestClock.class},
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "medicore.notification.event-retry.attempts=2",
        "medicore.notification.event-retry.interval=100ms",
        "medicore.notification.delivery.poll-interval=100ms",
        "medicore.notification.delivery.first-retry-delay=1s",
        "spring.grpc.server.port=0",
        "spring.grpc.server.host=127.0.0.1",
        // health and metrics on a port of their own, apart from the public page on HTTP_PORT
        "management.server.port=0",
        // what the service signs its unsubscribe links with in the tests (32 bytes at least)
        "medicore.notification.unsubscribe.secret=the test stack's unsubscribe secret, 32+ bytes",
})
public abstract class RunningNotificationService {

    /** The service's HTTP server (the unsubscribe page, health): a port picked before the context starts, so the links name it. */
    protected static final int HTTP_PORT = FreePorts.free();
    protected static final GreenMail MAIL = startMail();
    protected static final Path SMS_FILE = smsFile();

    @DynamicPropertySource
    static void realComponents(DynamicPropertyRegistry registry) {
        AuditDatabase.writerProperties(TestStack.postgres()).forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.datasource.url", () -> TestStack.newDatabaseUrl("notifications_test"));
        registry.add("medicore.notification.security.issuer", () -> TestTokens.ISSUER);
        registry.add("medicore.notification.security.jwk-set-uri", TestTokens::jwksUri);
        registry.add("spring.kafka.bootstrap-servers", () -> TestStack.kafka().bootstrapServers());
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("medicore.notification.sms.file", SMS_FILE::toString);
        registry.add("server.port", () -> HTTP_PORT);
        registry.add("medicore.notification.unsubscribe.url", () -> "http://127.0.0.1:" + HTTP_PORT + "/unsubscribe");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(Instant.parse("2026-12-02T10:00:00Z"));
        }

        @Bean
        @Primary
        PatientRecords patientRecords() {
            return new PatientRecords();
        }
    }

    private static GreenMail startMail() {
        GreenMail mail = new GreenMail(new ServerSetup[]{
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        mail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(mail::stop, "greenmail-stop"));
        return mail;
    }

    private static Path smsFile() {
        try {
            return Files.createTempDirectory("medicore-sms-").resolve("outbox.txt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
