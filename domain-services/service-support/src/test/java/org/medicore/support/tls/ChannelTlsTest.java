package org.medicore.support.tls;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medicore.contracts.notification.v1.ListNotificationsRequest;
import org.medicore.contracts.notification.v1.ListNotificationsResponse;
import org.medicore.contracts.notification.v1.NotificationServiceGrpc;
import org.medicore.localstack.LocalCertificates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.grpc.server.autoconfigure.GrpcServerAutoConfiguration;
import org.springframework.boot.grpc.server.autoconfigure.GrpcServerServicesAutoConfiguration;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A real gRPC server (Netty, one small service) with the settings the services get
 * with TLS on (Spring gRPC's server SSL bundle, client certificates required) answers a client that shows a certificate of the same
 * authority and refuses every other.
 */
@SpringBootTest(properties = {"spring.grpc.server.port=0", "spring.grpc.server.address=127.0.0.1"})
class ChannelTlsTest {

    private static final ListNotificationsResponse ANSWER = ListNotificationsResponse.getDefaultInstance();

    @TempDir
    static Path folder;
    static LocalCertificates clinic;
    static LocalCertificates.Workload patientService;

    @DynamicPropertySource
    static void serverBundle(DynamicPropertyRegistry registry) {
        clinic = LocalCertificates.in(folder.resolve("clinic"));
        patientService = clinic.issue("patient-service");
        patientService.grpcTlsSettings("grpc").forEach((name, value) -> registry.add(name, () -> value));
    }

    @Autowired
    GrpcServerLifecycle server;

    @Test
    void answers_a_client_with_a_certificate_of_the_clinics_authority() {
        LocalCertificates.Workload bff = clinic.issue("bff-graphql");

        assertThat(check(ChannelTls.credentials(bundle(bff, bff.authority())))).isEqualTo(ANSWER);
    }

    @Test
    void answers_a_client_whose_certificate_comes_as_pem_text() throws Exception {
        LocalCertificates.Workload lambda = clinic.issue("lab-processor-lambda");

        assertThat(check(ChannelTls.credentials(Files.readString(lambda.certificateChain()),
                Files.readString(lambda.privateKey()), Files.readString(lambda.authority()))))
                .isEqualTo(ANSWER);
    }

    @Test
    void refuses_a_plaintext_client() {
        assertRefused(InsecureChannelCredentials.create());
    }

    @Test
    void refuses_a_tls_client_without_a_certificate() throws Exception {
        assertRefused(TlsChannelCredentials.newBuilder().trustManager(patientService.authority().toFile()).build());
    }

    @Test
    void refuses_a_client_whose_certificate_another_authority_signed() {
        LocalCertificates.Workload intruder = LocalCertificates.in(folder.resolve("elsewhere")).issue("intruder");

        assertRefused(ChannelTls.credentials(bundle(intruder, patientService.authority())));
    }

    private void assertRefused(ChannelCredentials credentials) {
        assertThatThrownBy(() -> check(credentials))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
    }

    private ListNotificationsResponse check(ChannelCredentials credentials) {
        ManagedChannel channel = Grpc.newChannelBuilder("localhost:" + server.getPort(), credentials).build();
        try {
            return NotificationServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                    .listNotifications(ListNotificationsRequest.getDefaultInstance());
        } finally {
            channel.shutdownNow();
        }
    }

    private static SslBundle bundle(LocalCertificates.Workload client, Path trusted) {
        Function<Path, String> file = path -> "file:" + path;
        return SslBundle.of(new PemSslStoreBundle(
                PemSslStoreDetails.forCertificate(file.apply(client.certificateChain())).withPrivateKey(file.apply(client.privateKey())),
                PemSslStoreDetails.forCertificate(file.apply(trusted))));
    }

    /** Spring gRPC's server and Spring Boot's SSL bundles, nothing else of service-support's kit. */
    @SpringBootConfiguration
    @ImportAutoConfiguration({SslAutoConfiguration.class, GrpcServerAutoConfiguration.class,
            GrpcServerServicesAutoConfiguration.class})
    static class OneGrpcServer {

        @Bean
        NotificationServiceGrpc.NotificationServiceImplBase notifications() {
            return new NotificationServiceGrpc.NotificationServiceImplBase() {
                @Override
                public void listNotifications(ListNotificationsRequest request,
                                              StreamObserver<ListNotificationsResponse> answer) {
                    answer.onNext(ANSWER);
                    answer.onCompleted();
                }
            };
        }
    }
}
