package org.medicore.patient.application.service;

import org.medicore.patient.application.port.in.RelayOutbox;
import org.medicore.patient.application.port.out.LoadPendingEvents;
import org.medicore.patient.application.port.out.PublishEvent;
import org.medicore.patient.domain.PatientRegistered;

/**
 * Moves events from the outbox to the broker: publish, wait for the acknowledgement, then mark.
 * A crash between the two publishes the event again (at least once); a failure stops the round so
 * later events never overtake an earlier one.
 */
public final class OutboxRelay implements RelayOutbox {

    private final LoadPendingEvents outbox;
    private final PublishEvent publisher;
    private final int batchSize;

    public OutboxRelay(LoadPendingEvents outbox, PublishEvent publisher, int batchSize) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.batchSize = batchSize;
    }

    @Override
    public int relayPending() {
        int published = 0;
        for (PatientRegistered event : outbox.oldestPending(batchSize)) {
            publisher.publish(event);
            outbox.markPublished(event);
            published++;
        }
        return published;
    }
}
