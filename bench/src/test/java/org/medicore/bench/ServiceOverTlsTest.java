package org.medicore.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.stub.MetadataUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medicore.contracts.appointment.v1.AppointmentServiceGrpc;
import org.medicore.contracts.appointment.v1.ListPractitionersRequest;
import org.medicore.localstack.AuditDatabase;
import org.medicore.localstack.Component;
import org.medicore.localstack.FreePorts;
import org.medicore.localstack.LocalCertificates;
import org.medicore.localstack.PostgresServer;
import org.medicore.localstack.ServiceProcess;
import org.medicore.localstack.TestStack;
import org.medicore.localstack.TestSystem;
import org.medicore.localstack.TestTokens;

/**
 * A service from its own jar with the settings {@code compose/local-stack/run --tls} gives every workload (and the
 * cluster's ConfigMaps): it answers a client that shows a certificate of the stack's authority, and refuses a
 * plaintext client, a TLS client without a certificate and one whose certificate another authority signed.
 */
class ServiceOverTlsTest {

    private static final String BUNDLE = "grpc";

    @TempDir
    Path folder;

    @Test
    void a_service_run_with_tls_answers_the_stacks_workloads_and_refuses_plaintext_and_strangers() throws IOException {
        PostgresServer postgres = TestStack.postgres();
        String database = "appointments_tls_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        postgres.ensureDatabase(database);
        LocalCertificates stack = LocalCertificates.in(folder.resolve("tls"));
        int grpcPort = FreePorts.free();
        int management = FreePorts.free();
        Map<String, String> settings = new LinkedHashMap<>(AuditDatabase.writerProperties(postgres));
        settings.putAll(Map.of("server.port", String.valueOf(management), "spring.grpc.server.port", String.valueOf(grpcPort),
                "spring.datasource.url", postgres.jdbcUrl(database), "spring.datasource.username", PostgresServer.USER,
                "spring.datasource.password", PostgresServer.PASSWORD, "spring.kafka.bootstrap-servers", TestStack.kafka().bootstrapServers(),
                "medicore.security.jwt.issuer-uri", TestTokens.ISSUER, "medicore.security.jwt.jwk-set-uri", TestTokens.jwksUri()));
        settings.putAll(stack.issue(TestSystem.APPOINTMENT).grpcTlsSettings(BUNDLE));
        Path logs = Files.createDirectories(Path.of("target/service-over-tls"));

        try (ServiceProcess service = ServiceProcess.launch(TestSystem.APPOINTMENT, jar(), settings, management,
                List.of(new Component.Endpoint("gRPC", "localhost:" + grpcPort)), logs)) {
            service.awaitReady();
            LocalCertificates.Workload bff = stack.issue("bff-graphql");

            assertThat(call(grpcPort, TlsChannelCredentials.newBuilder()
                    .keyManager(bff.certificateChain().toFile(), bff.privateKey().toFile())
                    .trustManager(bff.authority().toFile()).build()).getCode()).isEqualTo(Status.Code.OK);

            assertThat(call(grpcPort, InsecureChannelCredentials.create()).getCode()).as("plaintext").isEqualTo(Status.Code.UNAVAILABLE);
            assertThat(call(grpcPort, TlsChannelCredentials.newBuilder().trustManager(stack.authority().toFile()).build()).getCode())
                    .as("TLS without a client certificate").isEqualTo(Status.Code.UNAVAILABLE);
            LocalCertificates.Workload stranger = LocalCertificates.in(folder.resolve("elsewhere")).issue("stranger");
            assertThat(call(grpcPort, TlsChannelCredentials.newBuilder()
                    .keyManager(stranger.certificateChain().toFile(), stranger.privateKey().toFile())
                    .trustManager(stack.authority().toFile()).build()).getCode())
                    .as("a certificate of another authority").isEqualTo(Status.Code.UNAVAILABLE);
        }
    }

    private static Path jar() {
        return TestSystem.serviceJar("domain-services/appointment-service");
    }

    /** The status of one call (OK when answered) as the holder of {@code credentials}. */
    private static Status call(int port, ChannelCredentials credentials) {
        ManagedChannel channel = Grpc.newChannelBuilder("localhost:" + port, credentials).build();
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + TestTokens.forSubject("tls-admin", "ADMIN"));
        try {
            AppointmentServiceGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS)
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                    .listPractitioners(ListPractitionersRequest.newBuilder().setDepartment("TLS").build());
            return Status.OK;
        } catch (StatusRuntimeException refused) {
            return refused.getStatus();
        } finally {
            channel.shutdownNow();
        }
    }
}
