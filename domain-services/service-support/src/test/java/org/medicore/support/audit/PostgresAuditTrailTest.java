package org.medicore.support.audit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medicore.localstack.AuditDatabase;
import org.medicore.localstack.PostgresServer;
import org.medicore.localstack.TestStack;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit trail on the real PostgreSQL: insert-only for the services, chained, tampering found. */
class PostgresAuditTrailTest {

    private static String url;
    private static PostgresAuditTrail trail;

    @BeforeAll
    static void migrate() {
        url = TestStack.newDatabaseUrl("audit_trail_check");
        AuditSchema.migrate(url, PostgresServer.USER, PostgresServer.PASSWORD);
        AuditSchema.migrate(url, PostgresServer.USER, PostgresServer.PASSWORD);
        trail = PostgresAuditTrail.connect(url, AuditDatabase.WRITER, AuditDatabase.WRITER_PASSWORD, AuditKeys.local());
    }

    @AfterAll
    static void close() {
        trail.close();
    }

    @Test
    void recordsAreChainedInTheOrderTheyArrive() throws Exception {
        long before = count();
        ExecutorService writers = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> writes = IntStream.range(0, 60).<Future<?>>mapToObj(i ->
                    writers.submit(() -> trail.record(access("doctor-" + (i % 3), Outcome.ALLOWED)))).toList();
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            writers.shutdown();
        }

        assertThat(count()).isEqualTo(before + 60);
        assertThat(firstBrokenLink()).isNull();
    }

    @Test
    void theWriterMayInsertButNeitherChangeNorDeleteNorRead() throws Exception {
        trail.record(access("doctor-1", Outcome.DENIED));
        try (Connection writer = DriverManager.getConnection(url, AuditDatabase.WRITER, AuditDatabase.WRITER_PASSWORD);
             Statement statement = writer.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("update audit.access_record set outcome = 'ALLOWED'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.executeUpdate("delete from audit.access_record"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.executeQuery("select subject from audit.access_record"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.executeUpdate("insert into audit.access_record (position, hash, previous_hash,"
                    + " occurred_at, subject, roles, client_id, service, operation, action, resource_type, resource_ids,"
                    + " patient_ids, fields_changed, client_address, forwarded_for, outcome, status, trace_id) values (999, 'x', 'y',"
                    + " now(), 's', '{}', '', 'svc', 'Op', 'READ', 'Patient', '{}', '{}', '{}', '', '', 'ALLOWED', 'OK', '')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
        try (Connection owner = owner(); Statement statement = owner.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("delete from audit.access_record"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
    }

    @Test
    void aRecordChangedBehindTheTriggersBacksIsFoundByTheChainCheck() throws Exception {
        trail.record(access("billing-1", Outcome.ALLOWED));
        trail.record(access("billing-2", Outcome.ALLOWED));
        long tampered;
        try (Connection owner = owner(); Statement statement = owner.createStatement()) {
            try (ResultSet last = statement.executeQuery("select max(position) from audit.access_record")) {
                last.next();
                tampered = last.getLong(1) - 1;
            }
            statement.execute("alter table audit.access_record disable trigger append_only");
            statement.executeUpdate("update audit.access_record set subject = 'someone-else' where position = " + tampered);
            statement.execute("alter table audit.access_record enable trigger append_only");
        }

        assertThat(firstBrokenLink()).isEqualTo(tampered);

        try (Connection owner = owner(); Statement statement = owner.createStatement()) {
            statement.execute("alter table audit.access_record disable trigger append_only");
            statement.executeUpdate("update audit.access_record set subject = 'billing-1' where position = " + tampered);
            statement.execute("alter table audit.access_record enable trigger append_only");
        }
        assertThat(firstBrokenLink()).isNull();
    }

    @Test
    void anIdWithNulOrOfAnyLengthIsRecordedEscapedAndCut() throws Exception {
        String hostile = "p-" + (char) 0 + (char) 27 + "9".repeat(100_000);
        trail.record(new AccessRecord(Instant.now().truncatedTo(ChronoUnit.MICROS), "fuzz", List.of("ADMIN"), "partner",
                "medicore.patient.v1.PatientService", "GetPatient", Action.READ, "Patient", List.of(hostile), List.of(hostile),
                List.of(), "127.0.0.1", "", Outcome.DENIED, "INVALID_ARGUMENT", ""));

        AuditTrailReader reader = new AuditTrailReader(JdbcClient.create(new DriverManagerDataSource(url, AuditDatabase.READER,
                AuditDatabase.READER_PASSWORD)), AuditKeys.local());
        assertThat(reader.page(new AuditFilter(null, "fuzz", null, null), 1, null).getFirst().resourceIds().getFirst())
                .startsWith("p-\\u0000\\u001b999").endsWith("…").hasSizeLessThan(200);
        assertThat(firstBrokenLink()).isNull();
    }

    private static AccessRecord access(String subject, Outcome outcome) {
        return new AccessRecord(Instant.now().truncatedTo(ChronoUnit.MICROS), subject, List.of("DOCTOR"), "medicore-portal",
                "medicore.patient.v1.PatientService", "GetPatient", Action.READ, "Patient", List.of("p-1"), List.of("p-1"),
                List.of(), "127.0.0.1", "", outcome, outcome == Outcome.ALLOWED ? "OK" : "PERMISSION_DENIED",
                "0af7651916cd43dd8448eb211c80319c");
    }

    private static Long firstBrokenLink() throws SQLException {
        try (Connection reader = DriverManager.getConnection(url, AuditDatabase.READER, AuditDatabase.READER_PASSWORD);
             Statement statement = reader.createStatement();
             ResultSet result = statement.executeQuery("select audit.first_broken_link()")) {
            result.next();
            long position = result.getLong(1);
            return result.wasNull() ? null : position;
        }
    }

    private static long count() throws SQLException {
        try (Connection owner = owner(); Statement statement = owner.createStatement();
             ResultSet result = statement.executeQuery("select count(*) from audit.access_record")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static Connection owner() throws SQLException {
        return DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
    }
}
