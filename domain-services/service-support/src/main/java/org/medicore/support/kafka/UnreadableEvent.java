package org.medicore.support.kafka;

/**
 * A consumed record that no retry can help: no type header, malformed JSON, a missing or
 * malformed field. Consumers' error handlers send it to the dead-letter topic at once.
 */
public final class UnreadableEvent extends RuntimeException {

    public UnreadableEvent(String message) {
        super(message);
    }

    public UnreadableEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
