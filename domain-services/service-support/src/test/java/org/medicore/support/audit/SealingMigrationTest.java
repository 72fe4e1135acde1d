package org.medicore.support.audit;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.medicore.localstack.AuditDatabase;
import org.medicore.localstack.PostgresServer;
import org.medicore.localstack.TestStack;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A trail written before sealing keeps its records and hashes as they were, and the chain runs on across the migration. */
class SealingMigrationTest {

    @Test
    void recordsWrittenBeforeSealingStayAsTheyWereAndTheChainHoldsAcrossTheMigration() {
        String url = TestStack.newDatabaseUrl("audit_sealing_migration");
        flyway(url).target("1").load().migrate();
        String before = UUID.randomUUID().toString();
        JdbcClient writer = JdbcClient.create(new DriverManagerDataSource(url, AuditDatabase.WRITER, AuditDatabase.WRITER_PASSWORD));
        writer.sql("""
                insert into audit.access_record (occurred_at, subject, roles, client_id, service, operation, action,
                    resource_type, resource_ids, patient_ids, fields_changed, client_address, forwarded_for, outcome, status, trace_id)
                values (now(), ?, '{PATIENT}', '', 'medicore.patient.v1.PatientService', 'GetPatient', 'READ', 'Patient',
                    array[?], array[?], '{}', '10.0.0.5', '', 'ALLOWED', 'OK', '')""").params(before, before, before).update();
        JdbcClient owner = JdbcClient.create(new DriverManagerDataSource(url, PostgresServer.USER, PostgresServer.PASSWORD));
        String hashBefore = owner.sql("select hash from audit.access_record where position = 1").query(String.class).single();

        AuditSchema.migrate(url, PostgresServer.USER, PostgresServer.PASSWORD);
        String after = UUID.randomUUID().toString();
        try (PostgresAuditTrail trail = PostgresAuditTrail.connect(url, AuditDatabase.WRITER, AuditDatabase.WRITER_PASSWORD,
                AuditKeys.local())) {
            trail.record(new AccessRecord(Instant.now().truncatedTo(ChronoUnit.MICROS), after, List.of("PATIENT"), "",
                    "medicore.patient.v1.PatientService", "GetPatient", Action.READ, "Patient", List.of(after), List.of(after),
                    List.of(), "10.0.0.5", "", Outcome.ALLOWED, "OK", ""));
        }

        assertThat(owner.sql("select hash from audit.access_record where position = 1").query(String.class).single())
                .isEqualTo(hashBefore);
        assertThat(owner.sql("select patient_keys is null from audit.access_record where position = 1").query(Boolean.class)
                .single()).isTrue();
        AuditTrailReader reader = new AuditTrailReader(JdbcClient.create(new DriverManagerDataSource(url, AuditDatabase.READER,
                AuditDatabase.READER_PASSWORD)), AuditKeys.local());
        assertThat(reader.checkChain()).isEqualTo(new AuditChainCheck(true, 2, null));
        assertThat(reader.page(new AuditFilter(before, null, null, null), 10, null)).singleElement()
                .extracting(RecordedAccess::subject).isEqualTo(before);
        assertThat(reader.page(new AuditFilter(after, null, null, null), 10, null)).singleElement()
                .extracting(RecordedAccess::subject).isEqualTo(after);
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(String url) {
        return Flyway.configure().dataSource(url, PostgresServer.USER, PostgresServer.PASSWORD).schemas("audit")
                .table("audit_schema_history").locations("classpath:db/audit");
    }
}
