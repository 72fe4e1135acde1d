package org.medicore.lab.application.port.in;

public interface RelayOutbox {

    /** Publishes pending events, oldest first; answers how many were published. */
    int relayPending();
}
