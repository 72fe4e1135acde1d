package org.medicore.support.audit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.medicore.support.postgres.FailFastDataSource;
import org.medicore.support.time.DatabaseTime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

/**
 * The audit trail in PostgreSQL. It connects as a role that may only insert: the database sets
 * each record's place in the hash chain and refuses updates and deletes.
 */
public final class PostgresAuditTrail implements RecordAccess, AutoCloseable {

    private static final String INSERT = """
            INSERT INTO audit.access_record (occurred_at, subject, roles, client_id, service, operation, action,
                resource_type, resource_ids, patient_ids, fields_changed, client_address, forwarded_for, outcome, status, trace_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final HikariDataSource pool;
    private final FailFastDataSource writer;

    private PostgresAuditTrail(HikariDataSource pool) {
        this.pool = pool;
        this.writer = new FailFastDataSource(pool, Clock.systemUTC());
    }

    /** A small pool of its own: the audit must not compete with the service's own database work. */
    public static PostgresAuditTrail connect(String url, String username, String password) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("audit-trail");
        pool.setJdbcUrl(url);
        pool.setUsername(username);
        pool.setPassword(password);
        pool.setMaximumPoolSize(4);
        pool.setConnectionTimeout(FailFastDataSource.CONNECTION_WAIT.toMillis());
        return new PostgresAuditTrail(new HikariDataSource(pool));
    }

    /**
     * The audit database's time, for a service that keeps no PostgreSQL of its own (patient-service): its host's
     * clock may drift, the database's is kept. Reading {@code clock_timestamp()} needs no privilege beyond the writer's.
     */
    public DatabaseTime followTime() {
        return DatabaseTime.following(writer);
    }

    @Override
    public void record(AccessRecord access) {
        try (Connection connection = writer.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setTimestamp(1, Timestamp.from(access.occurredAt()));
            insert.setString(2, access.subject());
            insert.setArray(3, texts(connection, access.roles()));
            insert.setString(4, access.clientId());
            insert.setString(5, access.service());
            insert.setString(6, access.operation());
            insert.setString(7, access.action().name());
            insert.setString(8, access.resourceType());
            insert.setArray(9, texts(connection, access.resourceIds()));
            insert.setArray(10, texts(connection, access.patientIds()));
            insert.setArray(11, texts(connection, access.fieldsChanged()));
            insert.setString(12, access.clientAddress());
            insert.setString(13, access.forwardedFor());
            insert.setString(14, access.outcome().name());
            insert.setString(15, access.status());
            insert.setString(16, access.traceId());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the audit trail refused the record: " + e.getMessage(), e);
        }
    }

    /** Whether the writer can reach the trail now: a service that can't record accesses serves none. */
    public boolean reachable() {
        try (Connection connection = writer.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    private static java.sql.Array texts(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }
}
