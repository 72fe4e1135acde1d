package org.medicore.support.outbox;

import org.medicore.support.port.AppendToOutbox;
import org.medicore.support.port.OutboxMessage;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * A service's outbox table in PostgreSQL: appended in the change's transaction, then locked, sent
 * and marked by the relay. Statements join the Spring transaction on the same DataSource, the one
 * jOOQ's queries run in. An append tells the relay once its transaction commits.
 */
public final class PostgresOutbox implements AppendToOutbox, PendingOutbox {

    private final JdbcTemplate jdbc;
    private final OutboxWritten written;
    private final long relayLock;
    private final String insert;
    private final String selectUnsent;
    private final String countUnsent;
    private final String markSent;

    public PostgresOutbox(DataSource dataSource, OutboxTable table, OutboxWritten written) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.written = written;
        this.relayLock = table.relayLock();
        this.insert = "insert into " + table.name()
                + " (event_id, event_type, aggregate_id, occurred_at, payload, trace_parent) values (?, ?, ?, ?, ?, ?)";
        this.selectUnsent = "select event_id, event_type, aggregate_id::text, occurred_at, payload, trace_parent from "
                + table.name() + " where " + table.sentAt() + " is null order by " + table.position()
                + " limit ? for update skip locked";
        this.countUnsent = "select count(*) from " + table.name() + " where " + table.sentAt() + " is null";
        this.markSent = "update " + table.name() + " set " + table.sentAt() + " = ? where event_id = any (?)";
    }

    @Override
    public void append(List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(insert, messages, messages.size(), (statement, message) -> {
            statement.setObject(1, message.eventId());
            statement.setString(2, message.eventType());
            // untyped, so PostgreSQL reads it as the column's type (uuid in one service, text in another)
            statement.setObject(3, message.key(), Types.OTHER);
            statement.setObject(4, utc(message.occurredAt()));
            statement.setString(5, message.payload());
            statement.setString(6, message.traceParent());
        });
        written.signal();
    }

    /** Empty while another relay holds the outbox: one relay at a time keeps the write order. */
    @Override
    public List<OutboxMessage> lockOldestUnsent(int limit) {
        if (!Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, relayLock))) {
            return List.of();
        }
        return jdbc.query(selectUnsent, PostgresOutbox::message, limit);
    }

    @Override
    public void markSent(List<UUID> eventIds, Instant at) {
        jdbc.update(markSent, statement -> {
            statement.setObject(1, utc(at));
            statement.setArray(2, statement.getConnection().createArrayOf("uuid", eventIds.toArray()));
        });
    }

    @Override
    public long countUnsent() {
        Long unsent = jdbc.queryForObject(countUnsent, Long.class);
        return unsent == null ? 0 : unsent;
    }

    private static OutboxMessage message(ResultSet row, int index) throws SQLException {
        return new OutboxMessage(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                row.getObject(4, OffsetDateTime.class).toInstant(), row.getString(5), row.getString(6));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
