package org.medicore.support.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs an outbox relay round on one background thread while the service runs; a failed round is retried next round. */
public final class ScheduledRelay implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledRelay.class);

    private final Runnable round;
    private final boolean enabled;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public ScheduledRelay(Runnable round, boolean enabled, Duration interval) {
        this.round = round;
        this.enabled = enabled;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        if (!enabled) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("outbox-relay").daemon().factory());
        long every = interval.toMillis();
        executor.scheduleWithFixedDelay(this::runRound, every, every, TimeUnit.MILLISECONDS);
    }

    private void runRound() {
        try {
            round.run();
        } catch (RuntimeException e) {
            // Nothing is lost: unmarked events stay pending and the next round publishes them.
            LOG.warn("outbox relay round failed, retrying in {}: {}", interval, e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdown();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
