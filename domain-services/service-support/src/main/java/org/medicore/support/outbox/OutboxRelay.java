package org.medicore.support.outbox;

import org.medicore.support.port.OutboxMessage;
import org.medicore.support.port.Transactions;

import java.time.Clock;
import java.util.List;

/**
 * Publishes the outbox in write order and marks what the broker acknowledged, in one transaction
 * per batch. A crash or a broker error after publishing but before the commit publishes that batch
 * again: delivery is at least once, consumers deduplicate by event id.
 */
public final class OutboxRelay {

    private final PendingOutbox outbox;
    private final PublishMessages publisher;
    private final Transactions transactions;
    private final Clock clock;
    private final int batchSize;

    public OutboxRelay(PendingOutbox outbox, PublishMessages publisher, Transactions transactions, Clock clock,
                       int batchSize) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.transactions = transactions;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Relays one batch; returns how many messages were published and marked. */
    public int relayBatch() {
        return transactions.inTransaction(() -> {
            List<OutboxMessage> batch = outbox.lockOldestUnsent(batchSize);
            if (batch.isEmpty()) {
                return 0;
            }
            publisher.publishAll(batch);
            outbox.markSent(batch.stream().map(OutboxMessage::eventId).toList(), clock.instant());
            return batch.size();
        });
    }

    /** Relays batch after batch while they come back full (more are waiting); stops at the first failure. */
    public int relayAll() {
        int total = 0;
        int relayed;
        do {
            relayed = relayBatch();
            total += relayed;
        } while (relayed == batchSize);
        return total;
    }
}
