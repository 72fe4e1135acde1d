package org.medicore.support.outbox;

import java.util.Objects;

/**
 * Where a service keeps its outbox in PostgreSQL. Every outbox table has the columns
 * {@code event_id uuid}, {@code event_type}, {@code aggregate_id} (uuid or text), {@code occurred_at timestamptz},
 * {@code payload text} and {@code trace_parent text}; the services named the write-order and sent columns
 * differently, and operations' checks read them by those names.
 *
 * @param name      the table
 * @param position  the column that orders the rows as they were written
 * @param sentAt    the column set when the broker acknowledged the row, null until then
 * @param relayLock the advisory lock one relay at a time holds while it sends
 */
public record OutboxTable(String name, String position, String sentAt, long relayLock) {

    public OutboxTable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(sentAt, "sent at");
    }
}
