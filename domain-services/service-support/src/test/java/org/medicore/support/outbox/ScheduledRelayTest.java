package org.medicore.support.outbox;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduledRelayTest {

    @Test
    void a_failing_round_is_followed_by_the_next_one() throws InterruptedException {
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch secondRound = new CountDownLatch(2);
        ScheduledRelay relay = new ScheduledRelay(() -> {
            secondRound.countDown();
            if (rounds.incrementAndGet() == 1) {
                throw new IllegalStateException("broker down");
            }
        }, true, Duration.ofMillis(10));

        relay.start();
        try {
            assertThat(secondRound.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            relay.stop();
        }
        assertThat(relay.isRunning()).isFalse();
    }

    @Test
    void a_write_outside_a_transaction_wakes_the_relay_at_once() throws InterruptedException {
        OutboxWritten written = new OutboxWritten();
        CountDownLatch round = new CountDownLatch(1);
        ScheduledRelay relay = new ScheduledRelay(round::countDown, true, Duration.ofHours(1), written);

        relay.start();
        try {
            written.signal();
            assertThat(round.await(10, TimeUnit.SECONDS)).as("a round long before the hourly poll").isTrue();
        } finally {
            relay.stop();
        }
    }

    @Test
    void a_write_in_a_transaction_wakes_the_relay_only_once_it_commits() throws InterruptedException {
        OutboxWritten written = new OutboxWritten();
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch round = new CountDownLatch(1);
        ScheduledRelay relay = new ScheduledRelay(() -> {
            rounds.incrementAndGet();
            round.countDown();
        }, true, Duration.ofHours(1), written);
        relay.start();
        try {
            inTransaction(written::signal, TransactionSynchronization.STATUS_ROLLED_BACK);
            Thread.sleep(200);
            assertThat(rounds).as("a rolled-back write has nothing to relay").hasValue(0);

            inTransaction(written::signal, TransactionSynchronization.STATUS_COMMITTED);
            assertThat(round.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            relay.stop();
        }
    }

    @Test
    void wake_ups_while_one_waits_make_no_more_rounds() throws InterruptedException {
        CountDownLatch firstRoundRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger rounds = new AtomicInteger();
        ScheduledRelay relay = new ScheduledRelay(() -> {
            rounds.incrementAndGet();
            firstRoundRunning.countDown();
            await(release);
        }, true, Duration.ofHours(1));
        relay.start();
        try {
            relay.wake();
            assertThat(firstRoundRunning.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 100; i++) {
                relay.wake();
            }
            release.countDown();
            Thread.sleep(300);
        } finally {
            relay.stop();
        }
        assertThat(rounds).as("the running round, then one for all the wake-ups meanwhile").hasValue(2);
    }

    /** What Spring's transaction manager does around a transaction's work, ending with the given outcome. */
    private static void inTransaction(Runnable work, int outcome) {
        TransactionSynchronizationManager.initSynchronization();
        try {
            work.run();
            List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
            if (outcome == TransactionSynchronization.STATUS_COMMITTED) {
                TransactionSynchronizationUtils.invokeAfterCommit(synchronizations);
            }
            TransactionSynchronizationUtils.invokeAfterCompletion(synchronizations, outcome);
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void a_disabled_relay_never_runs() {
        ScheduledRelay relay = new ScheduledRelay(() -> {
            throw new AssertionError("ran");
        }, false, Duration.ofMillis(10));

        relay.start();

        assertThat(relay.isRunning()).isFalse();
    }
}
