package org.medicore.support.migration;

import org.junit.jupiter.api.Test;
import org.medicore.localstack.AuditDatabase;
import org.medicore.localstack.PostgresServer;
import org.medicore.localstack.TestStack;
import org.medicore.support.audit.AccessRecord;
import org.medicore.support.audit.Action;
import org.medicore.support.audit.AuditKeys;
import org.medicore.support.audit.Outcome;
import org.medicore.support.audit.PostgresAuditTrail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The migration Job in audit mode (kubernetes/base/schema-migrations-job.yaml) on a real, empty
 * PostgreSQL: what it leaves is an audit trail the services' writer can only append to.
 */
class SchemaMigrationTest {

    @Test
    void theAuditModeMakesATrailTheWriterAppendsToAndCannotChange_andRunsAgainAsARetriedJobWould() throws SQLException {
        String url = TestStack.newDatabaseUrl("schema_migration_audit");
        Map<String, String> job = Map.of("MIGRATION_SCHEMA", "audit", "MIGRATION_URL", url,
                "MIGRATION_USERNAME", PostgresServer.USER, "MIGRATION_PASSWORD", PostgresServer.PASSWORD);

        SchemaMigration.run(job);
        SchemaMigration.run(job);

        try (PostgresAuditTrail trail = PostgresAuditTrail.connect(url, AuditDatabase.WRITER, AuditDatabase.WRITER_PASSWORD, AuditKeys.local())) {
            trail.record(new AccessRecord(Instant.now().truncatedTo(ChronoUnit.MICROS), "doctor-1", List.of("DOCTOR"),
                    "medicore-portal", "medicore.patient.v1.PatientService", "GetPatient", Action.READ, "Patient",
                    List.of("p-1"), List.of("p-1"), List.of(), "127.0.0.1", "", Outcome.ALLOWED, "OK", ""));
        }
        try (Connection writer = DriverManager.getConnection(url, AuditDatabase.WRITER, AuditDatabase.WRITER_PASSWORD);
             Statement statement = writer.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("delete from audit.access_record"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.execute("drop table audit.access_record"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("must be owner");
        }
        try (Connection reader = DriverManager.getConnection(url, AuditDatabase.READER, AuditDatabase.READER_PASSWORD);
             Statement statement = reader.createStatement();
             ResultSet chain = statement.executeQuery("select count(*), audit.first_broken_link() from audit.access_record")) {
            chain.next();
            assertThat(chain.getLong(1)).isEqualTo(1);
            assertThat(chain.getObject(2)).as("the first broken link of the chain").isNull();
        }
    }

    @Test
    void aJobWithoutItsSettingsIsRefusedNamingTheOneMissing() {
        Map<String, String> job = new HashMap<>(Map.of("MIGRATION_SCHEMA", "audit", "MIGRATION_URL", "jdbc:postgresql://127.0.0.1:1/x",
                "MIGRATION_USERNAME", "owner"));

        assertThatThrownBy(() -> SchemaMigration.run(job))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("environment variable MIGRATION_PASSWORD is not set");

        job.put("MIGRATION_PASSWORD", "secret");
        job.put("MIGRATION_SCHEMA", "everything");
        assertThatThrownBy(() -> SchemaMigration.run(job))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("MIGRATION_SCHEMA must be service or audit, not everything");

        job.put("MIGRATION_SCHEMA", "service");
        assertThatThrownBy(() -> SchemaMigration.run(job))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("environment variable RUNTIME_USERNAME is not set");
    }
}
