package org.medicore.support.audit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medicore.localstack.AuditDatabase;
import org.medicore.localstack.PostgresServer;
import org.medicore.localstack.TestStack;
import org.medicore.support.erasure.StoredValueSearch;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Erasure on the real PostgreSQL: the forgotten patient's values are gone for good, everything else reads and verifies. */
class ForgetPatientTest {

    private static final String NAME = "Zoë Ångström-Łukasiewicz";
    private static final String EMAIL = "zoe.angstrom@example.org";
    private static final String HOME_ADDRESS = "12 Rue des Lilas, 69003 Lyon";
    private static final String HOME_IP = "203.0.113.77";

    private static String url;
    private static PostgresAuditTrail trail;
    private static AuditTrailReader reader;
    private static ForgetPatient erasure;

    @BeforeAll
    static void migrate() {
        url = TestStack.newDatabaseUrl("audit_erasure_check");
        AuditSchema.migrate(url, PostgresServer.USER, PostgresServer.PASSWORD);
        trail = PostgresAuditTrail.connect(url, AuditDatabase.WRITER, AuditDatabase.WRITER_PASSWORD, AuditKeys.local());
        reader = new AuditTrailReader(JdbcClient.create(new DriverManagerDataSource(url, AuditDatabase.READER,
                AuditDatabase.READER_PASSWORD)), AuditKeys.local());
        erasure = new PostgresErasure(new DriverManagerDataSource(url, AuditDatabase.ERASER, AuditDatabase.ERASER_PASSWORD),
                AuditKeys.local(), Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        trail.close();
    }

    @Test
    void aForgottenPatientLeavesNothingReadableInTheWholeAuditSchemaAndTheChainStillHolds() {
        String forgotten = UUID.randomUUID().toString();
        String kept = UUID.randomUUID().toString();
        recordAccessesOf(forgotten);
        recordAccessesOf(kept);
        List<RecordedAccess> keptBefore = reader.page(byPatient(kept), 50, null);
        trail.record(access("doctor-7", List.of("DOCTOR"), List.of(forgotten, kept), List.of(forgotten, kept), ""));

        PatientForgotten forgottenNow = erasure.forget(
                new ForgetPatientCommand(forgotten, Optional.empty(), "admin-erasing", "admin-approving"));

        assertThat(forgottenNow.keysDestroyed()).isEqualTo(1);
        for (String personal : List.of(forgotten, NAME, EMAIL, HOME_ADDRESS, HOME_IP)) {
            assertThat(StoredValueSearch.placesHolding(url, "audit", personal)).as(personal).isEmpty();
        }
        List<RecordedAccess> keptAfter = reader.page(byPatient(kept), 50, null);
        assertThat(keptAfter.subList(1, keptAfter.size())).isEqualTo(keptBefore);
        assertThat(keptAfter.getFirst().patientIds()).containsExactly(SealedValue.ERASED, kept);
        assertThat(keptBefore).extracting(RecordedAccess::subject).contains(kept, "reception-2");
        assertThat(reader.checkChain().intact()).isTrue();
    }

    @Test
    void theForgottenPatientsRecordsReadAsErasedAndTheErasureIsRecorded() {
        String forgotten = UUID.randomUUID().toString();
        String kept = UUID.randomUUID().toString();
        recordAccessesOf(forgotten);
        trail.record(access("doctor-7", List.of("DOCTOR"), List.of(forgotten, kept), List.of(forgotten, kept), ""));

        erasure.forget(new ForgetPatientCommand(forgotten, Optional.empty(), "admin-erasing", "admin-approving"));

        List<RecordedAccess> newest = reader.page(new AuditFilter(null, null, null, null), 5, null);
        RecordedAccess erasureRecord = newest.getFirst();
        assertThat(erasureRecord.operation()).isEqualTo("ForgetPatient");
        assertThat(erasureRecord.subject()).isEqualTo("admin-erasing");
        assertThat(erasureRecord.resourceIds()).singleElement().asString().startsWith("pseudonym:").doesNotContain(forgotten);
        assertThat(erasureRecord.approvedBy()).isEqualTo("admin-approving");
        RecordedAccess byDoctor = newest.get(1);
        assertThat(byDoctor.approvedBy()).isNull();
        assertThat(byDoctor.subject()).isEqualTo("doctor-7");
        assertThat(byDoctor.patientIds()).containsExactly(SealedValue.ERASED, kept);
        RecordedAccess byThePatient = newest.get(3);
        assertThat(byThePatient.subject()).isEqualTo(SealedValue.ERASED);
        assertThat(byThePatient.forwardedFor()).isEqualTo(SealedValue.ERASED);
        assertThat(byThePatient.resourceIds()).containsOnly(SealedValue.ERASED);
        assertThat(reader.page(byPatient(forgotten), 50, null)).isEmpty();
        assertThat(reader.checkChain().intact()).isTrue();
    }

    @Test
    void recordsOfAPatientReadAsTheyWereWrittenWhileTheirKeyExists() {
        String patient = UUID.randomUUID().toString();
        recordAccessesOf(patient);

        List<RecordedAccess> records = reader.page(byPatient(patient), 50, null);

        assertThat(records).hasSize(2);
        assertThat(records.getLast().subject()).isEqualTo(patient);
        assertThat(records.getLast().forwardedFor()).isEqualTo(HOME_IP);
        assertThat(records.getFirst().resourceIds()).containsExactly(EMAIL, NAME, HOME_ADDRESS);
        assertThat(reader.page(new AuditFilter(null, patient, null, null), 50, null)).hasSize(1);
    }

    @Test
    void onlyTheEraserDeletesAKeyAndTheWriterStillCannotReadRecords() throws Exception {
        trail.record(access("doctor-1", List.of("DOCTOR"), List.of(UUID.randomUUID().toString()), List.of(), ""));
        JdbcClient writer = JdbcClient.create(new DriverManagerDataSource(url, AuditDatabase.WRITER, AuditDatabase.WRITER_PASSWORD));
        JdbcClient readerRole = JdbcClient.create(new DriverManagerDataSource(url, AuditDatabase.READER, AuditDatabase.READER_PASSWORD));
        JdbcClient eraser = JdbcClient.create(new DriverManagerDataSource(url, AuditDatabase.ERASER, AuditDatabase.ERASER_PASSWORD));

        for (JdbcClient role : List.of(writer, readerRole)) {
            assertThatThrownBy(() -> role.sql("delete from audit.patient_key").update())
                    .rootCause().hasMessageContaining("permission denied");
            assertThatThrownBy(() -> role.sql("update audit.patient_key set wrapped_key = ''").update())
                    .rootCause().hasMessageContaining("permission denied");
        }
        assertThatThrownBy(() -> writer.sql("select subject from audit.access_record").query(String.class).list())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> eraser.sql("delete from audit.access_record").update())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> eraser.sql("update audit.patient_key set wrapped_key = ''").update())
                .rootCause().hasMessageContaining("permission denied");
    }

    /** The patient reading their own record from home, then someone finding them by what they typed into the id field. */
    private static void recordAccessesOf(String patient) {
        trail.record(access(patient, List.of("PATIENT"), List.of(patient), List.of(patient), HOME_IP));
        trail.record(access("reception-2", List.of("DOCTOR"), List.of(EMAIL, NAME, HOME_ADDRESS), List.of(patient), ""));
    }

    private static AccessRecord access(String subject, List<String> roles, List<String> resourceIds, List<String> patientIds,
                                       String forwardedFor) {
        return new AccessRecord(Instant.now().truncatedTo(ChronoUnit.MICROS), subject, roles, "medicore-portal",
                "medicore.patient.v1.PatientService", "GetPatient", Action.READ, "Patient", resourceIds, patientIds,
                List.of(), "10.0.0.5", forwardedFor, Outcome.ALLOWED, "OK", "0af7651916cd43dd8448eb211c80319c");
    }

    private static AuditFilter byPatient(String patientId) {
        return new AuditFilter(patientId, null, null, null);
    }
}
