package org.medicore.support.audit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.medicore.support.postgres.FailFastDataSource;
import org.medicore.support.time.DatabaseTime;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/**
 * The audit trail in PostgreSQL. It connects as a role that may only insert records (and add a person's key): the
 * database sets each record's place in the hash chain and refuses updates and deletes.
 */
public final class PostgresAuditTrail implements RecordAccess, AutoCloseable {

    private final HikariDataSource pool;
    private final FailFastDataSource writer;
    private final PatientKeys patientKeys;

    private PostgresAuditTrail(HikariDataSource pool, AuditKeys keys) {
        this.pool = pool;
        this.writer = new FailFastDataSource(pool, Clock.systemUTC());
        this.patientKeys = keys.over(JdbcClient.create(writer));
    }

    /** A small pool of its own: the audit must not compete with the service's own database work. */
    public static PostgresAuditTrail connect(String url, String username, String password, AuditKeys keys) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("audit-trail");
        pool.setJdbcUrl(url);
        pool.setUsername(username);
        pool.setPassword(password);
        pool.setMaximumPoolSize(4);
        pool.setConnectionTimeout(FailFastDataSource.CONNECTION_WAIT.toMillis());
        return new PostgresAuditTrail(new HikariDataSource(pool), keys);
    }

    /**
     * The audit database's time, for a service that keeps no PostgreSQL of its own (patient-service): its host's
     * clock may drift, the database's is kept. Reading {@code clock_timestamp()} needs no privilege beyond the writer's.
     */
    public DatabaseTime followTime() {
        return DatabaseTime.following(writer);
    }

    /** Seals the record's personal values with their persons' keys (adding keys for persons new to the trail), then appends it. */
    @Override
    public void record(AccessRecord access) {
        try {
            StoredRecord stored = PersonalValues.sealed(access, patientKeys);
            try (Connection connection = writer.getConnection()) {
                stored.insertInto(connection);
            }
        } catch (SQLException | DataAccessException e) {
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
}
