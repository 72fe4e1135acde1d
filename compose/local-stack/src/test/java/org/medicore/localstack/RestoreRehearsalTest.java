package org.medicore.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The restore runbook's database steps, on the stack's own PostgreSQL set-up: archiving on, a database per service, the audit trail. */
class RestoreRehearsalTest {

    @Test
    void a_base_backup_and_the_archived_wal_bring_every_database_back_to_the_chosen_moment_with_the_audit_chain_intact(
            @TempDir Path data) throws Exception {
        try (PostgresServer stack = LocalStack.startPostgres(data, TestStack.sharedPostgresBinaries(), 0)) {
            AuditDatabase.migrate(stack.port(), TestSystem.repository());

            RestoreRehearsal.Report report = RestoreRehearsal.rehearse(stack.port(),
                    new WalArchive(data.resolve(LocalStack.WAL_ARCHIVE)), data.resolve("rehearsal"), TestStack.sharedPostgresBinaries());

            try (PostgresServer restored = report.restored().server()) {
                System.out.println(report.describe());
                assertThat(report.holds()).as(report.describe()).isTrue();
                // Written before and after the base backup, not after the target: 2 x 20 marks a database, 2 x 20 records.
                for (String database : LocalStack.SERVICE_DATABASES) {
                    assertThat(report.afterRestore().rowsByDatabaseAndTable().get(database))
                            .containsEntry("restore_rehearsal.mark", 40L);
                }
                assertThat(report.auditRecords()).isEqualTo(40);
                assertThat(report.afterRestore().rowsByDatabaseAndTable().get(AuditDatabase.NAME))
                        .containsEntry("audit.access_record", 40L);
                assertThat(restored.dataDirectory()).isNotEqualTo(stack.dataDirectory());
                assertThat(restored.port()).isNotEqualTo(stack.port());
                // The stack's own server went on, with what was written after the target.
                assertThat(count(stack.port(), "appointments", "select count(*) from restore_rehearsal.mark")).isEqualTo(60);
                // A new timeline that takes writes: promoted, not a paused standby.
                assertThat(count(restored.port(), "appointments", "with added as (insert into restore_rehearsal.mark (phase)"
                        + " values ('after the restore') returning 1) select count(*) from added")).isEqualTo(1);
                assertThat(Files.exists(restored.dataDirectory().resolve("recovery.signal"))).isFalse();
            }
        }
    }

    private static long count(int port, String database, String query) throws Exception {
        try (Connection connection = PostgresServer.connect(port, database);
             Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
