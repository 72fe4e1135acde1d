package org.medicore.billing.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public interface PendingOutbox {

    /** The oldest unpublished messages, locked so no other relay publishes them meanwhile. */
    List<OutboxMessage> oldestUnpublished(int limit);

    void markPublished(List<UUID> eventIds, Instant at);

    /** How many messages wait to be published, for the backlog gauge. */
    long countUnpublished();
}
