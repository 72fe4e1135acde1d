package org.medicore.lab.adapter.out.patient;

import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medicore.contracts.patient.v1.GetPatientRequest;
import org.medicore.contracts.patient.v1.GetPatientResponse;
import org.medicore.contracts.patient.v1.PatientServiceGrpc;
import org.medicore.localstack.LocalCertificates;
import org.medicore.support.aws.AwsStandIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.grpc.server.autoconfigure.GrpcServerAutoConfiguration;
import org.springframework.boot.grpc.server.autoconfigure.GrpcServerServicesAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Lambda's channel to patient-service, as its wiring builds it, against a real gRPC server set up as
 * patient-service is in the cluster (Spring gRPC's server SSL bundle, client certificates of the clinic's
 * CA required): accepted with the certificate read from the secret (through the real SDK, from a stand-in
 * of Secrets Manager), refused without one. The target is an address patient-service's certificate does
 * not name, as the internal balancer's is; the authority setting names patient-service.
 */
@SpringBootTest(classes = LambdaChannelTlsTest.PatientServiceWithMutualTls.class,
        properties = {"spring.grpc.server.port=0", "spring.grpc.server.address=127.0.0.1"})
class LambdaChannelTlsTest {

    private static final GetPatientResponse ANSWER = GetPatientResponse.getDefaultInstance();

    @TempDir
    static Path folder;
    static LocalCertificates clinic;

    @DynamicPropertySource
    static void serverBundle(DynamicPropertyRegistry registry) {
        clinic = LocalCertificates.in(folder.resolve("clinic"));
        LocalCertificates.Workload patientService = clinic.issue("patient-service");
        patientService.grpcTlsSettings("grpc").forEach((name, value) -> registry.add(name, () -> value));
    }

    @Autowired
    GrpcServerLifecycle server;

    private final AwsStandIn secretsManager = new AwsStandIn();
    private final SecretsManagerClient client = SecretsManagerClient.builder().region(Region.EU_CENTRAL_1)
            .endpointOverride(secretsManager.endpoint()).credentialsProvider(AwsStandIn.CREDENTIALS).build();

    @AfterEach
    void stop() {
        client.close();
        secretsManager.close();
    }

    @Test
    void patient_service_answers_the_lambda_showing_the_certificate_of_its_secret() {
        secretsManager.answer(request -> SecretsManagerClientCertificateTest.secretHolding(clinic.issue("lab-processor-lambda")));

        assertThat(getPatient(lambdaChannel(SecretsManagerClientCertificateTest.SECRET))).isEqualTo(ANSWER);
    }

    @Test
    void patient_service_refuses_the_lambda_without_a_secret_which_stays_plaintext() {
        assertThatThrownBy(() -> getPatient(lambdaChannel("")))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
        assertThat(secretsManager.requests()).isEmpty();
    }

    @Test
    void a_secret_that_is_not_there_stops_the_lambdas_wiring_rather_than_calling_in_plaintext() {
        secretsManager.answer(request -> AwsStandIn.Response.jsonError(400, "ResourceNotFoundException",
                "Secrets Manager can't find the specified secret."));

        assertThatThrownBy(() -> lambdaChannel(SecretsManagerClientCertificateTest.SECRET))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("secret " + SecretsManagerClientCertificateTest.SECRET + " could not be read");
    }

    @Test
    void patient_service_refuses_a_certificate_another_authority_signed() {
        secretsManager.answer(request -> SecretsManagerClientCertificateTest.secretHolding(
                LocalCertificates.in(folder.resolve("elsewhere")).issue("lab-processor-lambda")));

        assertThatThrownBy(() -> getPatient(lambdaChannel(SecretsManagerClientCertificateTest.SECRET)))
                .isInstanceOf(StatusRuntimeException.class);
    }

    /**
     * The channel bean of the Lambda's wiring, with the certificate bean where a secret is named (as the
     * wiring's condition gives it); without one it takes ChannelTls's credentials, plaintext here.
     */
    private ManagedChannel lambdaChannel(String secret) {
        var properties = new PatientClientConfiguration.Properties("127.0.0.1:" + server.getPort(), "", "medicore-partner", "",
                Duration.ofSeconds(10), secret, "patient-service");
        ChannelCredentials fromChannelTls = InsecureChannelCredentials.create();
        var beans = new StaticListableBeanFactory(secret.isBlank() ? Map.of()
                : Map.of("clientCertificate", new SecretsManagerClientCertificate(client, secret)));
        return new PatientClientConfiguration().patientServiceChannel(properties, fromChannelTls, beans.getBeanProvider(ClientCertificate.class));
    }

    private static GetPatientResponse getPatient(ManagedChannel channel) {
        try {
            return PatientServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                    .getPatient(GetPatientRequest.getDefaultInstance());
        } finally {
            channel.shutdownNow();
        }
    }

    /** Spring gRPC's server and Spring Boot's SSL bundles with one stand-in rpc of patient-service. */
    @SpringBootConfiguration
    @ImportAutoConfiguration({SslAutoConfiguration.class, GrpcServerAutoConfiguration.class,
            GrpcServerServicesAutoConfiguration.class})
    static class PatientServiceWithMutualTls {

        @Bean
        PatientServiceGrpc.PatientServiceImplBase patients() {
            return new PatientServiceGrpc.PatientServiceImplBase() {
                @Override
                public void getPatient(GetPatientRequest request, StreamObserver<GetPatientResponse> answer) {
                    answer.onNext(ANSWER);
                    answer.onCompleted();
                }
            };
        }
    }
}
