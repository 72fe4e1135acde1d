package org.medicore.support.outbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
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
    void a_disabled_relay_never_runs() {
        ScheduledRelay relay = new ScheduledRelay(() -> {
            throw new AssertionError("ran");
        }, false, Duration.ofMillis(10));

        relay.start();

        assertThat(relay.isRunning()).isFalse();
    }
}
