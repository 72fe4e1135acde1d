package org.medicore.appointment.support;

import org.medicore.appointment.application.port.in.ManagePractitioners;
import org.medicore.appointment.domain.Caller;
import org.medicore.appointment.domain.Practitioner;
import org.medicore.appointment.domain.Role;
import org.medicore.localstack.AuditDatabase;
import org.medicore.localstack.PostgresServer;
import org.medicore.localstack.TestStack;
import org.medicore.support.port.Outcome;
import org.medicore.support.port.Refusal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.appointment.support.PractitionerBuilder.aPractitioner;
import static org.medicore.appointment.support.ScheduleBuilder.aWeek;

/**
 * The application against the real PostgreSQL and Kafka of the test stack, with the fixtures
 * the tests share. Subclasses say which issuer it trusts. The scheduled relay is off so that
 * tests decide when the outbox is relayed.
 */
@SpringBootTest(properties = {"spring.grpc.server.port=0", "medicore.outbox.relay-enabled=false"})
public abstract class ApplicationTest {

    protected static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    protected static final Caller ADMIN = new Caller("admin-subject", Set.of(Role.ADMIN));

    @Autowired
    protected ManagePractitioners practitioners;

    @DynamicPropertySource
    static void realComponents(DynamicPropertyRegistry registry) {
        AuditDatabase.writerProperties(TestStack.postgres()).forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.datasource.url", () -> TestStack.newDatabaseUrl("appointments_test"));
        registry.add("spring.datasource.username", () -> PostgresServer.USER);
        registry.add("spring.datasource.password", () -> PostgresServer.PASSWORD);
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "20");
        registry.add("spring.kafka.bootstrap-servers", () -> TestStack.kafka().bootstrapServers());
    }

    protected Practitioner created(PractitionerBuilder practitioner) {
        return success(practitioners.create(ADMIN, practitioner.build()));
    }

    /** A practitioner working weekdays 08:00-12:00 Berlin time, 30-minute consultations. */
    protected Practitioner aPractitionerWithHours(String keycloakSubject) {
        return aPractitionerWithHours(aPractitioner().withAccount(keycloakSubject));
    }

    protected Practitioner aPractitionerWithHours(PractitionerBuilder builder) {
        Practitioner practitioner = created(builder);
        success(practitioners.setWorkingHours(ADMIN, practitioner.id(), 0, aWeek().workingWeekdays("08:00", "12:00").build()));
        return practitioner;
    }

    protected Practitioner aPractitionerWithHours() {
        return aPractitionerWithHours(aPractitioner());
    }

    /** A weekday next week, in Berlin. */
    protected static LocalDate nextMonday() {
        return LocalDate.now(BERLIN).plusWeeks(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    protected static java.time.Instant at(LocalDate day, String localTime) {
        return day.atTime(java.time.LocalTime.parse(localTime)).atZone(BERLIN).toInstant();
    }

    protected static Caller patient(String subject) {
        return new Caller(subject, Set.of(Role.PATIENT));
    }

    protected static Caller aNewPatient() {
        return patient(UUID.randomUUID().toString());
    }

    protected static <T> T success(Outcome<T> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Done.class);
        return ((Outcome.Done<T>) outcome).value();
    }

    /** Why the use case refused; fails the test when it did not. */
    protected static Refusal refusal(Outcome<?> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Refused.class);
        return ((Outcome.Refused<?>) outcome).refusal();
    }

    /** The rule of the domain that forbade it, as the caller reads it; fails the test when none did. */
    protected static String brokenRule(Outcome<?> outcome) {
        assertThat(refusal(outcome)).isInstanceOf(Refusal.Forbidden.class);
        return ((Refusal.Forbidden) refusal(outcome)).rule();
    }
}
