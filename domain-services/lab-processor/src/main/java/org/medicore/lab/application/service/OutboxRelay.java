package org.medicore.lab.application.service;

import org.medicore.lab.application.port.in.RelayOutbox;
import org.medicore.lab.application.port.out.PendingEvents;
import org.medicore.lab.application.port.out.PublishEvent;
import org.medicore.lab.domain.LabReportEvent;

/** Publish, wait for the acknowledgement, then mark: at least once, never out of order within a round. */
public final class OutboxRelay implements RelayOutbox {

    private final PendingEvents outbox;
    private final PublishEvent publisher;
    private final int batchSize;

    public OutboxRelay(PendingEvents outbox, PublishEvent publisher, int batchSize) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.batchSize = batchSize;
    }

    @Override
    public int relayPending() {
        int published = 0;
        for (LabReportEvent event : outbox.oldestPending(batchSize)) {
            publisher.publish(event);
            outbox.markPublished(event);
            published++;
        }
        return published;
    }
}
