package org.medicore.support.kafka;

import org.medicore.support.grpc.Outages;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How long an event listener keeps trying an event whose handling met an outage of a store the
 * service needs (PostgreSQL down or refusing at once): for as long as the outage lasts, with a pause
 * growing from 1 s to 30 s. The event itself is fine, so the few attempts after which a listener
 * dead-letters a failing event would, during a PostgreSQL restart of a minute, send good events to the
 * dead-letter topic, their invoices or messages undone until someone replayed them (found by the fault
 * suite's postgres-outage: two completed visits left without their invoices). Holding the partition
 * keeps the events in order; the consumer's lag and the readiness probe say what is happening.
 */
public final class OutageBackOff {

    private OutageBackOff() {
    }

    /**
     * For a listener error handler's back-off function: a back-off without end for an outage, {@code null}
     * (the handler's own back-off, then the dead-letter topic) for any other failure.
     */
    public static BackOff forFailure(Exception failure) {
        if (!Outages.isOutage(failure)) {
            return null;
        }
        ExponentialBackOff untilTheStoreIsBack = new ExponentialBackOff(1_000, 2.0);
        untilTheStoreIsBack.setMaxInterval(30_000);
        untilTheStoreIsBack.setMaxElapsedTime(Long.MAX_VALUE);
        return untilTheStoreIsBack;
    }
}
