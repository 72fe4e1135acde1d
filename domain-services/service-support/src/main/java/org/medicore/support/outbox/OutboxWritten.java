package org.medicore.support.outbox;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * News for the relay: the outbox has a new row. The relay hears it once the transaction that
 * wrote the row has committed (at once when there is no transaction), runs a round then and there,
 * and so an event leaves within milliseconds instead of at the next poll. Polling stays for rows
 * this instance did not write and for rounds that failed.
 */
public final class OutboxWritten {

    private volatile Runnable relay = () -> {
    };

    /** Called by the persistence side after it appended a row to the outbox. */
    public void signal() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    relay.run();
                }
            });
        } else {
            relay.run();
        }
    }

    void listen(Runnable wake) {
        relay = wake;
    }
}
