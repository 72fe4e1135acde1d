package org.medicore.support.kafka;

import java.time.Duration;

/**
 * How often a consumed event whose handling failed is tried in all, {@code interval} apart, before it
 * goes to the dead-letter topic. A service binds it under its own properties (billing-service's
 * {@code medicore.billing.retry}, notification-service's {@code medicore.notification.event-retry}).
 */
public record EventRetry(int attempts, Duration interval) {

    public EventRetry {
        if (attempts < 1) {
            throw new IllegalArgumentException("an event is tried at least once, not " + attempts + " times");
        }
        if (interval == null || interval.isNegative()) {
            throw new IllegalArgumentException("the pause between attempts must not be negative: " + interval);
        }
    }
}
