package org.medicore.billing.application.port.in;

/** Publishes events written to the outbox; at least once, in the order they were written. */
public interface RelayOutbox {

    /** Publishes one batch of pending events and returns how many. */
    int relayBatch();
}
