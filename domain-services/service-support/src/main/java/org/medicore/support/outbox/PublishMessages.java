package org.medicore.support.outbox;

import org.medicore.support.port.OutboxMessage;

import java.util.List;

/** Where the relay sends the outbox: the service's topic. */
public interface PublishMessages {

    /**
     * Publishes in the given order and returns once the broker acknowledged all of them.
     *
     * @throws PublishFailed when any was not acknowledged; some may have been published
     */
    void publishAll(List<OutboxMessage> messages);

    final class PublishFailed extends RuntimeException {
        public PublishFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
