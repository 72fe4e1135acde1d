package org.medicore.bff.live;

import com.google.protobuf.Message;

/** One event read from a MediCore topic: its type (the {@code event-type} header) and its message. */
record LiveEvent(String type, Message message) {
}
