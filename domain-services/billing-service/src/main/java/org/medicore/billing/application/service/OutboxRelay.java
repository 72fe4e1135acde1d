package org.medicore.billing.application.service;

import org.medicore.billing.application.port.in.RelayOutbox;
import org.medicore.billing.application.port.out.OutboxMessage;
import org.medicore.billing.application.port.out.PendingOutbox;
import org.medicore.billing.application.port.out.PublishMessages;
import org.medicore.billing.application.port.out.Transactions;

import java.time.Clock;
import java.util.List;

/**
 * Publishes the outbox: a batch is locked, sent and acknowledged, then marked, in one
 * transaction. A crash between send and mark sends the batch again (at least once).
 */
public final class OutboxRelay implements RelayOutbox {

    private final Transactions transactions;
    private final PendingOutbox pending;
    private final PublishMessages publish;
    private final int batchSize;
    private final Clock clock;

    public OutboxRelay(Transactions transactions, PendingOutbox pending, PublishMessages publish, int batchSize,
                       Clock clock) {
        this.transactions = transactions;
        this.pending = pending;
        this.publish = publish;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    @Override
    public int relayBatch() {
        return transactions.inTransaction(() -> {
            List<OutboxMessage> batch = pending.oldestUnpublished(batchSize);
            if (!batch.isEmpty()) {
                publish.publish(batch);
                pending.markPublished(batch.stream().map(OutboxMessage::eventId).toList(), clock.instant());
            }
            return batch.size();
        });
    }
}
