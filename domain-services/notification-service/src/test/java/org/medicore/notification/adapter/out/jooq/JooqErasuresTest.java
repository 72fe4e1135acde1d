package org.medicore.notification.adapter.out.jooq;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medicore.notification.domain.PatientContact;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.notification.adapter.out.jooq.MigratedDatabase.DB;
import static org.medicore.notification.adapter.out.jooq.MigratedDatabase.TRANSACTIONS;
import static org.medicore.notification.adapter.out.jooq.generated.Tables.ERASED_PATIENT;
import static org.medicore.notification.adapter.out.jooq.generated.Tables.RECIPIENT;

/**
 * An erasure and another event of the same patient at the same moment, in two transactions on the real
 * PostgreSQL (two instances, or two partitions of one): one waits for the other, either way round.
 */
class JooqErasuresTest {

    private static final Duration A_WHILE = Duration.ofMillis(500);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String WHY = "the patient's data was erased on their request";

    private final JooqErasures erasures = new JooqErasures(DB);
    private final JooqRecipients recipients = new JooqRecipients(DB);
    /** A thread each: the transactions block on purpose. */
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void an_erasure_waits_for_a_registration_in_flight_and_then_removes_what_it_wrote() throws Exception {
        UUID patient = UUID.randomUUID();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> registration = CompletableFuture.runAsync(() -> TRANSACTIONS.inTransaction(() -> {
            assertThat(erasures.isErased(patient)).isFalse();
            recipients.saveContact(patient, contact(patient), BERLIN, Instant.now());
            written.countDown();
            await(commit);
            return null;
        }), threads);
        assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> erasure = CompletableFuture.runAsync(() -> TRANSACTIONS.inTransaction(() -> {
            erasures.erase(patient, WHY, Instant.now());
            return null;
        }), threads);
        Thread.sleep(A_WHILE.toMillis());
        assertThat(erasure).isNotDone();
        commit.countDown();
        registration.get(10, TimeUnit.SECONDS);
        erasure.get(10, TimeUnit.SECONDS);

        assertThat(DB.fetchCount(RECIPIENT, RECIPIENT.PATIENT_ID.eq(patient))).isZero();
        assertThat(DB.fetchExists(ERASED_PATIENT, ERASED_PATIENT.PATIENT_ID.eq(patient))).isTrue();
    }

    @Test
    void an_event_arriving_during_an_erasure_waits_for_it_and_finds_the_patient_erased() throws Exception {
        UUID patient = UUID.randomUUID();
        CountDownLatch erased = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> erasure = CompletableFuture.runAsync(() -> TRANSACTIONS.inTransaction(() -> {
            erasures.erase(patient, WHY, Instant.now());
            erased.countDown();
            await(commit);
            return null;
        }), threads);
        assertThat(erased.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Boolean> check = CompletableFuture.supplyAsync(() -> TRANSACTIONS.inTransaction(
                () -> erasures.isErased(patient)), threads);
        Thread.sleep(A_WHILE.toMillis());
        assertThat(check).isNotDone();
        commit.countDown();
        erasure.get(10, TimeUnit.SECONDS);

        assertThat(check.get(10, TimeUnit.SECONDS)).isTrue();
    }

    private static PatientContact contact(UUID patient) {
        return new PatientContact(Optional.of("racing-" + patient + "@example.org"), Optional.of("+4930555777"),
                Optional.empty());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
