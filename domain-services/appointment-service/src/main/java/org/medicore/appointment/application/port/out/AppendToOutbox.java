package org.medicore.appointment.application.port.out;

import org.medicore.support.port.OutboxMessage;

/** Writes messages to the outbox in the current transaction. */
public interface AppendToOutbox {

    void append(OutboxMessage message);
}
