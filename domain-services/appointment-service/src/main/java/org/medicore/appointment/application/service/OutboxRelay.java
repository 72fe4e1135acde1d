package org.medicore.appointment.application.service;

import org.medicore.appointment.application.port.out.OutboxMessage;
import org.medicore.appointment.application.port.out.PendingOutbox;
import org.medicore.appointment.application.port.out.PendingOutbox.Pending;
import org.medicore.appointment.application.port.out.PublishMessages;
import org.medicore.appointment.application.port.out.Transactions;

import java.time.Clock;
import java.util.List;

/**
 * Publishes the outbox in write order and marks what the broker acknowledged, in one
 * transaction per batch. A crash or a broker error after publishing but before the commit
 * publishes that batch again: delivery is at least once, consumers deduplicate by event id.
 */
public final class OutboxRelay {

    private final PendingOutbox outbox;
    private final PublishMessages publisher;
    private final Transactions transactions;
    private final Clock clock;
    private final int batchSize;

    public OutboxRelay(PendingOutbox outbox, PublishMessages publisher, Transactions transactions, Clock clock, int batchSize) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.transactions = transactions;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Relays one batch; returns how many messages were published and marked. */
    public int relayBatch() {
        return transactions.inTransaction(() -> {
            if (!outbox.claimRelay()) {
                return 0;
            }
            List<Pending> batch = outbox.lockOldestUnsent(batchSize);
            if (batch.isEmpty()) {
                return 0;
            }
            List<OutboxMessage> messages = batch.stream().map(Pending::message).toList();
            publisher.publishAll(messages);
            outbox.markSent(batch.stream().map(Pending::sequence).toList(), clock.instant());
            return batch.size();
        });
    }

    /** Relays until the outbox is empty or a batch fails. */
    public int relayAll() {
        int total = 0;
        for (int relayed = relayBatch(); relayed > 0; relayed = relayBatch()) {
            total += relayed;
        }
        return total;
    }
}
