package org.medicore.billing.application.port.out;

import org.medicore.support.port.OutboxMessage;

import java.util.List;

/** Writes messages to the outbox, in the caller's transaction. */
public interface AppendToOutbox {

    void append(List<OutboxMessage> messages);
}
