package org.medicore.support.outbox;

/**
 * Moves events from a {@link PendingEvents} outbox to the broker: publish, wait for the
 * acknowledgement, then mark. A crash between the two publishes the event again (at least once); a
 * failure stops the round so later events never overtake an earlier one. (A PostgreSQL outbox uses
 * {@link OutboxRelay}, which marks a whole batch in the transaction that locked it.)
 */
public final class EventByEventRelay<E> {

    private final PendingEvents<E> outbox;
    private final PublishEvent<E> publisher;
    private final int batchSize;

    public EventByEventRelay(PendingEvents<E> outbox, PublishEvent<E> publisher, int batchSize) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.batchSize = batchSize;
    }

    /** @return how many events were published and marked in this round */
    public int relayPending() {
        int published = 0;
        for (E event : outbox.oldestPending(batchSize)) {
            publisher.publish(event);
            outbox.markPublished(event);
            published++;
        }
        return published;
    }
}
