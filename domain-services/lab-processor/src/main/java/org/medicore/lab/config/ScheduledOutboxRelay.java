package org.medicore.lab.config;

import org.medicore.lab.application.port.in.RelayOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs the outbox relay on one background thread while the service runs; a failed round is retried next round. */
final class ScheduledOutboxRelay implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledOutboxRelay.class);

    private final RelayOutbox relay;
    private final LabProcessorConfiguration.OutboxProperties properties;
    private ScheduledExecutorService executor;

    ScheduledOutboxRelay(RelayOutbox relay, LabProcessorConfiguration.OutboxProperties properties) {
        this.relay = relay;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (!properties.relayEnabled()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("outbox-relay").daemon().factory());
        long every = properties.relayInterval().toMillis();
        executor.scheduleWithFixedDelay(this::round, every, every, TimeUnit.MILLISECONDS);
    }

    private void round() {
        try {
            relay.relayPending();
        } catch (RuntimeException e) {
            // Nothing is lost: unmarked events stay pending and the next round publishes them.
            LOG.warn("outbox relay round failed, retrying in {}: {}", properties.relayInterval(), e.toString());
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
