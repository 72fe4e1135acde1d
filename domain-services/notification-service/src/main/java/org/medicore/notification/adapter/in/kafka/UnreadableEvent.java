package org.medicore.notification.adapter.in.kafka;

/** A record that no retry can help: no type header, malformed JSON, a missing or malformed field. */
final class UnreadableEvent extends RuntimeException {

    UnreadableEvent(String message) {
        super(message);
    }

    UnreadableEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
