package org.medicore.support.outbox;

import org.medicore.support.port.OutboxMessage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The relay's view of a service's outbox table; used inside one transaction per batch. */
public interface PendingOutbox {

    /**
     * The oldest unsent messages in the order they were written, locked until the transaction ends
     * so no other relay sends them meanwhile.
     */
    List<OutboxMessage> lockOldestUnsent(int limit);

    void markSent(List<UUID> eventIds, Instant at);

    /** How many messages wait to be sent, for the backlog gauge. */
    long countUnsent();
}
