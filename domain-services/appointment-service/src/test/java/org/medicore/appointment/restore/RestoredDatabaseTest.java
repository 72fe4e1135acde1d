package org.medicore.appointment.restore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medicore.appointment.AppointmentServiceApplication;
import org.medicore.appointment.application.port.in.ManagePractitioners;
import org.medicore.appointment.domain.Caller;
import org.medicore.appointment.domain.Role;
import org.medicore.appointment.support.GrpcClient;
import org.medicore.contracts.appointment.v1.ListPractitionersRequest;
import org.medicore.contracts.appointment.v1.Practitioner;
import org.medicore.localstack.AuditDatabase;
import org.medicore.localstack.BaseBackup;
import org.medicore.localstack.FreePorts;
import org.medicore.localstack.LocalStack;
import org.medicore.localstack.PointInTimeRestore;
import org.medicore.localstack.PostgresServer;
import org.medicore.localstack.TestStack;
import org.medicore.localstack.TestTokens;
import org.medicore.localstack.WalArchive;
import org.medicore.support.port.Outcome;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.appointment.support.PractitionerBuilder.aPractitioner;

/**
 * The restore runbook's last steps for this service: started on a database restored to a moment (base backup plus
 * archived WAL, into a new data folder), it serves what was there at that moment, nothing written after, and its
 * own audit records extend a chain that still verifies.
 */
class RestoredDatabaseTest {

    private static final Caller ADMIN = new Caller("admin-subject", Set.of(Role.ADMIN));
    private final String clinic = "clinic-" + UUID.randomUUID();

    @Test
    void started_on_a_database_restored_to_a_moment_it_serves_what_was_written_until_then(@TempDir Path data) throws Exception {
        Instant target;
        BaseBackup backup;
        WalArchive archive = new WalArchive(data.resolve(LocalStack.WAL_ARCHIVE));
        try (PostgresServer stack = LocalStack.startPostgres(data, TestStack.sharedPostgresBinaries(), 0)) {
            try (ConfigurableApplicationContext service = appointmentService(stack, FreePorts.free())) {
                ManagePractitioners practitioners = service.getBean(ManagePractitioners.class);
                create(practitioners, "Before", "Backup");
                backup = BaseBackup.take(stack.port(), data.resolve("base-backup"));
                create(practitioners, "After", "Backup");
                target = Instant.now();
                // Commit times are the server's microseconds: a later commit lands strictly after the target.
                Thread.sleep(5);
                create(practitioners, "After", "Target");
            }
            try (Connection postgres = PostgresServer.connect(stack.port(), "postgres")) {
                archive.archiveCurrentSegment(postgres);
            }
        }

        PointInTimeRestore.Restored restored = PointInTimeRestore.restore(backup, archive, target, data.resolve("restored"),
                TestStack.sharedPostgresBinaries());
        int grpcPort = FreePorts.free();
        try (PostgresServer database = restored.server();
             ConfigurableApplicationContext service = appointmentService(database, grpcPort);
             GrpcClient client = new GrpcClient(grpcPort)) {
            var listed = client.as(TestTokens.forSubject(UUID.randomUUID().toString(), "PATIENT"))
                    .listPractitioners(ListPractitionersRequest.newBuilder().setClinicId(clinic).build());

            assertThat(listed.getPractitionersList()).map(Practitioner::getName)
                    .map(name -> name.getGiven() + " " + name.getFamily())
                    .containsExactly("After Backup", "Before Backup");
            try (Connection audit = DriverManager.getConnection(database.jdbcUrl(AuditDatabase.NAME),
                    AuditDatabase.READER, AuditDatabase.READER_PASSWORD);
                 ResultSet chain = audit.createStatement().executeQuery("select audit.first_broken_link(),"
                         + " (select count(*) from audit.access_record where operation = 'ListPractitioners')")) {
                chain.next();
                assertThat(chain.getObject(1)).as("first broken link of the restored audit chain").isNull();
                assertThat(chain.getLong(2)).as("the read, audited on the restored trail").isEqualTo(1);
            }
        }
    }

    private void create(ManagePractitioners practitioners, String given, String family) {
        assertThat(practitioners.create(ADMIN, aPractitioner().named(given, family).atClinic(clinic).build()))
                .isInstanceOf(Outcome.Done.class);
    }

    /** The service from its own main class on {@code database}, as the runbook points it: the data source and the audit trail. */
    private static ConfigurableApplicationContext appointmentService(PostgresServer database, int grpcPort) {
        Map<String, Object> properties = new HashMap<>(AuditDatabase.writerProperties(database));
        properties.put("spring.datasource.url", database.jdbcUrl("appointments"));
        properties.put("spring.datasource.username", PostgresServer.USER);
        properties.put("spring.datasource.password", PostgresServer.PASSWORD);
        properties.put("spring.kafka.bootstrap-servers", TestStack.kafka().bootstrapServers());
        properties.put("spring.grpc.server.port", grpcPort);
        properties.put("server.port", 0);
        properties.put("medicore.outbox.relay-enabled", false);
        properties.put("medicore.security.jwt.issuer-uri", TestTokens.ISSUER);
        properties.put("medicore.security.jwt.jwk-set-uri", TestTokens.jwksUri());
        // As arguments: they outrank application.yaml, as the deployment's environment does.
        return new SpringApplicationBuilder(AppointmentServiceApplication.class)
                .run(properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
    }
}
