package org.medicore.support.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs an outbox relay round on one background thread while the service runs: every interval, and
 * at once when {@link OutboxWritten} says a committed transaction wrote to the outbox. A failed
 * round is retried next round. Wake-ups that come while one is waiting to run make no more rounds:
 * under load a round relays what several transactions wrote.
 */
public final class ScheduledRelay implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledRelay.class);

    private final Runnable round;
    private final boolean enabled;
    private final Duration interval;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;

    public ScheduledRelay(Runnable round, boolean enabled, Duration interval) {
        this.round = round;
        this.enabled = enabled;
        this.interval = interval;
    }

    /** A relay that also runs a round as soon as the outbox was written. */
    public ScheduledRelay(Runnable round, boolean enabled, Duration interval, OutboxWritten written) {
        this(round, enabled, interval);
        written.listen(this::wake);
    }

    /** Runs a round now, unless one is already waiting to run; nothing while stopped. */
    public void wake() {
        ScheduledExecutorService running = executor;
        if (running == null || !wakeQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            running.execute(() -> {
                wakeQueued.set(false);
                runRound();
            });
        } catch (RejectedExecutionException stopping) {
            wakeQueued.set(false);
        }
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
