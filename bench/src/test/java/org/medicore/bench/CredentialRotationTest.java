package org.medicore.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import org.junit.jupiter.api.Test;
import org.medicore.contracts.appointment.v1.AppointmentServiceGrpc;
import org.medicore.contracts.appointment.v1.CreatePractitionerRequest;
import org.medicore.contracts.appointment.v1.ListPractitionersRequest;
import org.medicore.contracts.common.v1.PersonName;
import org.medicore.localstack.AuditDatabase;
import org.medicore.localstack.Component;
import org.medicore.localstack.FreePorts;
import org.medicore.localstack.PostgresServer;
import org.medicore.localstack.ServiceProcess;
import org.medicore.localstack.TestStack;
import org.medicore.localstack.TestSystem;
import org.medicore.localstack.TestTokens;
import org.medicore.support.migration.SchemaMigration;

/**
 * A database password rotated under a running appointment-service, the way Secrets Manager's
 * multi-user rotation does it (infra-terraform README, "Database logins"), with the deployment's
 * arrangement of logins: the schema migrated by its owner (the migration Job's SchemaMigration),
 * the service on a runtime login with Flyway off. Clients call it all along; the only refusals
 * allowed are UNAVAILABLE while it restarts with the new secret, which clients try again.
 */
class CredentialRotationTest {

    private final PostgresServer postgres = TestStack.postgres();
    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final String database = "appointments_rotation_" + suffix;
    private final String owner = "appointment_owner_" + suffix;
    private final String login = "appointment_service_" + suffix;
    private final String clone = login + "_clone";
    private final Map<Status.Code, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    private final AtomicReference<String> phase = new AtomicReference<>("before the rotation");
    private final Map<String, Status.Code> failures = new ConcurrentHashMap<>();
    private static final String RESTARTING = "restarting with the new secret";

    @Test
    void the_service_keeps_answering_through_a_rotation_and_a_restart_and_the_old_password_is_refused_after() throws Exception {
        String url = postgres.jdbcUrl(database);
        asSuperuser("postgres", "CREATE ROLE " + owner + " LOGIN PASSWORD 'owner-password'",
                "CREATE ROLE " + login + " LOGIN PASSWORD 'first-password'",
                "CREATE DATABASE " + database + " OWNER " + owner,
                "REVOKE ALL ON DATABASE " + database + " FROM PUBLIC",
                "GRANT CONNECT ON DATABASE " + database + " TO " + login);
        try (PasswordsChecked ignored = new PasswordsChecked(login, clone)) {
            Path jar = TestSystem.serviceJar("domain-services/appointment-service");
            migrateAsTheClusterJobDoes(jar, url);

            int grpcPort = FreePorts.free();
            int management = FreePorts.free();
            Map<String, String> settings = new LinkedHashMap<>(AuditDatabase.writerProperties(postgres));
            settings.putAll(Map.of("server.port", String.valueOf(management), "spring.grpc.server.port", String.valueOf(grpcPort),
                    "spring.datasource.url", url, "spring.datasource.username", login, "spring.datasource.password", "first-password",
                    "spring.flyway.enabled", "false", "spring.kafka.bootstrap-servers", TestStack.kafka().bootstrapServers(),
                    "medicore.security.jwt.issuer-uri", TestTokens.ISSUER, "medicore.security.jwt.jwk-set-uri", TestTokens.jwksUri()));
            Path logs = Files.createDirectories(Path.of("target/credential-rotation"));
            ServiceProcess service = ServiceProcess.launch(TestSystem.APPOINTMENT, jar, settings, management,
                    List.of(new Component.Endpoint("gRPC", "127.0.0.1:" + grpcPort)), logs);
            ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
            AtomicBoolean calling = new AtomicBoolean(true);
            Thread clients = null;
            try {
                service.awaitReady();
                // The channel's first connection, outside the rotation's story: on a busy machine it took over 2 s.
                AppointmentServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
                        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(adminHeaders()))
                        .listPractitioners(ListPractitionersRequest.newBuilder().setDepartment("Rotation").build());
                clients = Thread.ofPlatform().name("rotation-clients").start(() -> callAllAlong(channel, calling));
                callFor(Duration.ofSeconds(3), "before the rotation");

                // Rotation 1 (setSecret as the master): the clone gets the new password and the login's rights.
                asSuperuser("postgres", "CREATE ROLE " + clone + " LOGIN PASSWORD 'second-password'", "GRANT " + login + " TO " + clone);
                callFor(Duration.ofSeconds(3), "after the rotation, on the old secret");

                // External Secrets brings the new secret, Reloader restarts the pod.
                phase.set(RESTARTING);
                long stopped = System.nanoTime();
                service.close();
                service = service.relaunch(Map.of("spring.datasource.username", clone, "spring.datasource.password", "second-password"));
                service.awaitReady();
                // A client's channel waits between reconnection attempts; as the BFF's would, it tries again now.
                channel.resetConnectBackoff();
                int answered = answered();
                long giveUp = System.nanoTime() + Duration.ofMinutes(1).toNanos();
                while (answered() == answered && System.nanoTime() < giveUp) {
                    pause(Duration.ofMillis(20));
                }
                assertThat(answered()).as("an answer within a minute of the restart").isGreaterThan(answered);
                System.out.printf("credential rotation: first answer %.1f s after the service was stopped for its restart%n",
                        (System.nanoTime() - stopped) / 1e9);
                callFor(Duration.ofSeconds(3), "on the new secret");

                // Rotation 2 changes the login the service no longer uses: its old password is refused.
                asSuperuser("postgres", "ALTER ROLE " + login + " PASSWORD 'third-password'");
                callFor(Duration.ofSeconds(3), "after the next rotation");
            } finally {
                calling.set(false);
                if (clients != null) {
                    clients.join();
                }
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
                service.close();
            }

            assertThat(failures).as("refusals other than UNAVAILABLE during the restart, by phase").isEmpty();
            assertThat(outcomes.get(Status.Code.OK)).as("calls answered: %s", outcomes).isNotNull();
            assertThat(outcomes.get(Status.Code.OK).get()).isGreaterThan(20);
            assertThatThrownBy(() -> DriverManager.getConnection(url, login, "first-password").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
            DriverManager.getConnection(url, clone, "second-password").close();
        }
    }

    /** Books nothing: creates practitioners and lists them, so every call writes or reads the rotated login's tables. */
    private void callAllAlong(ManagedChannel channel, AtomicBoolean calling) {
        AppointmentServiceGrpc.AppointmentServiceBlockingStub appointments = AppointmentServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(adminHeaders()));
        int n = 0;
        while (calling.get()) {
            String during = phase.get();
            try {
                var deadline = appointments.withDeadlineAfter(10, TimeUnit.SECONDS);
                if (n++ % 2 == 0) {
                    deadline.createPractitioner(CreatePractitionerRequest.newBuilder()
                            .setName(PersonName.newBuilder().setGiven("Rotation").setFamily("Test " + n))
                            .setSpecialty("General practice").setDepartment("Rotation").setClinicId("main")
                            .setTimeZone("Europe/Berlin").build());
                } else {
                    deadline.listPractitioners(ListPractitionersRequest.newBuilder().setDepartment("Rotation").build());
                }
                outcomes.computeIfAbsent(Status.Code.OK, code -> new AtomicInteger()).incrementAndGet();
            } catch (StatusRuntimeException refused) {
                Status.Code code = refused.getStatus().getCode();
                outcomes.computeIfAbsent(code, c -> new AtomicInteger()).incrementAndGet();
                if (!(during.equals(RESTARTING) && code == Status.Code.UNAVAILABLE)) {
                    failures.putIfAbsent(during + ": " + refused.getStatus(), code);
                }
                pause(Duration.ofMillis(200));
            }
            pause(Duration.ofMillis(20));
        }
    }

    private static Metadata adminHeaders() {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
                "Bearer " + TestTokens.forSubject("rotation-admin", "ADMIN"));
        return headers;
    }

    private int answered() {
        AtomicInteger ok = outcomes.get(Status.Code.OK);
        return ok == null ? 0 : ok.get();
    }

    /**
     * The cluster's schema-migrations Job: SchemaMigration from the service's own artifact (its
     * migrations are inside the Boot jar), signed in as the owner; the runtime login only named.
     */
    private void migrateAsTheClusterJobDoes(Path jar, String url) throws Exception {
        ProcessBuilder migration = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", jar.toString(), "-Dloader.main=" + SchemaMigration.class.getName(),
                "org.springframework.boot.loader.launch.PropertiesLauncher").redirectErrorStream(true);
        migration.environment().putAll(Map.of("MIGRATION_SCHEMA", "service", "MIGRATION_URL", url,
                "MIGRATION_USERNAME", owner, "MIGRATION_PASSWORD", "owner-password", "RUNTIME_USERNAME", login));
        Process process = migration.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("Successfully applied");
    }

    private void callFor(Duration duration, String name) {
        phase.set(name);
        pause(duration);
    }

    private void asSuperuser(String db, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(db), PostgresServer.USER, PostgresServer.PASSWORD);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The test PostgreSQL trusts every local connection; these logins must give their password
     * (scram-sha-256), as on RDS, while the test runs. Lines for them alone, first in pg_hba.conf.
     */
    private final class PasswordsChecked implements AutoCloseable {

        private final Path hba;
        private final String original;

        PasswordsChecked(String... logins) throws Exception {
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), PostgresServer.USER, PostgresServer.PASSWORD);
                 Statement statement = connection.createStatement();
                 ResultSet file = statement.executeQuery("SHOW hba_file")) {
                file.next();
                hba = Path.of(file.getString(1));
            }
            original = Files.readString(hba);
            StringBuilder lines = new StringBuilder();
            for (String name : logins) {
                lines.append("host all ").append(name).append(" 127.0.0.1/32 scram-sha-256\n");
            }
            Files.writeString(hba, lines + original);
            asSuperuser("postgres", "SELECT pg_reload_conf()");
        }

        @Override
        public void close() throws Exception {
            Files.writeString(hba, original);
            asSuperuser("postgres", "SELECT pg_reload_conf()");
        }
    }
}
