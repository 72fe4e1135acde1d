package org.medicore.support.outbox;

import java.util.List;

/**
 * An outbox of domain events kept in a store without multi-row transactions (DynamoDB): the relay
 * reads the oldest and marks each one as soon as the broker acknowledged it.
 */
public interface PendingEvents<E> {

    /** Unpublished events, oldest first. */
    List<E> oldestPending(int limit);

    void markPublished(E event);

    /** How many events wait to be published, for the backlog gauge. */
    long countPending();
}
