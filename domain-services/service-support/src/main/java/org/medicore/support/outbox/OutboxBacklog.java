package org.medicore.support.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.util.function.LongSupplier;

/**
 * The number of events written to a service's outbox but not yet relayed to Kafka, as the gauge
 * {@code medicore.outbox.backlog}: a backlog that keeps growing means the relay is stuck.
 */
public final class OutboxBacklog {

    public static final String METRIC = "medicore.outbox.backlog";

    private OutboxBacklog() {
    }

    /** Counted when Prometheus scrapes, so the count is as fresh as the scrape. */
    public static MeterBinder of(LongSupplier pending) {
        return registry -> Gauge.builder(METRIC, pending::getAsLong)
                .description("events written to the outbox and not yet relayed to Kafka")
                .register(registry);
    }
}
