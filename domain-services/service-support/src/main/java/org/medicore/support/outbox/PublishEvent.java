package org.medicore.support.outbox;

/** Sends one domain event to the service's topic. */
public interface PublishEvent<E> {

    /** Returns once the broker acknowledged the event; throws if it did not. */
    void publish(E event);
}
