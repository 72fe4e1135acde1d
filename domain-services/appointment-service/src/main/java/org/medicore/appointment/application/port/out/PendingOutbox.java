package org.medicore.appointment.application.port.out;

import java.time.Instant;
import java.util.List;

/** The relay's view of the outbox; used inside one transaction per batch. */
public interface PendingOutbox {

    /** True when this relay may publish now: at most one relay works at a time, which keeps the order. */
    boolean claimRelay();

    /** Locks and returns the oldest unsent messages, in the order they were written. */
    List<Pending> lockOldestUnsent(int limit);

    /** How many messages wait to be sent, for the backlog gauge. */
    long countUnsent();

    void markSent(List<Long> sequences, Instant at);

    record Pending(long sequence, OutboxMessage message) {
    }
}
