package org.medicore.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** When to try a provider again after a temporary failure: doubling delays, up to a number of attempts. */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt: " + maxAttempts);
        }
    }

    /** After {@code attemptsMade} failed attempts: when to try next, or empty to give up. */
    public Optional<Instant> nextAttempt(int attemptsMade, Instant now) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        Duration delay = firstDelay;
        for (int attempt = 1; attempt < attemptsMade && delay.compareTo(maxDelay) < 0; attempt++) {
            delay = delay.multipliedBy(2);
        }
        return Optional.of(now.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay));
    }
}
