package org.medicore.appointment.application.port.out;

/** Writes messages to the outbox in the current transaction. */
public interface AppendToOutbox {

    void append(OutboxMessage message);
}
