package org.medicore.patient.application.port.in;

/** Publishes the events waiting in the outbox, oldest first. */
public interface RelayOutbox {

    /** @return how many events were published and marked in this round */
    int relayPending();
}
