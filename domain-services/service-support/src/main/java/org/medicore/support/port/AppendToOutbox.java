package org.medicore.support.port;

import java.util.List;

/** Writes events to the outbox in the caller's transaction, in the given order. */
@FunctionalInterface
public interface AppendToOutbox {

    void append(List<OutboxMessage> messages);
}
