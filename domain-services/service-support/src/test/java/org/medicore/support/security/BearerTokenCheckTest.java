package org.medicore.support.security;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.medicore.contracts.common.v1.PersonName;
import org.medicore.contracts.patient.v1.GetPatientRequest;
import org.medicore.contracts.patient.v1.GetPatientResponse;
import org.medicore.contracts.patient.v1.Patient;
import org.medicore.contracts.patient.v1.PatientServiceGrpc;
import org.medicore.localstack.TestTokens;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared token check in front of a stand-in patient service that answers with its caller's subject and roles. */
class BearerTokenCheckTest {

    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private Server server;
    private ManagedChannel channel;

    @BeforeEach
    void start() throws IOException {
        String name = InProcessServerBuilder.generateName();
        BearerTokenCheck check = new BearerTokenCheck(RealmTokens.decoder(TestTokens.ISSUER, TestTokens.jwksUri(), TestTokens.AUDIENCE));
        server = InProcessServerBuilder.forName(name).directExecutor()
                .addService(ServerInterceptors.intercept(new CallerEcho(), check)).build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    }

    @AfterEach
    void stop() {
        channel.shutdownNow();
        server.shutdownNow();
    }

    @Test
    void a_valid_token_reaches_the_endpoint_with_its_subject_and_realm_roles() {
        GetPatientResponse answer = patients("Bearer " + TestTokens.forSubject("doctor-7", "DOCTOR"))
                .getPatient(GetPatientRequest.getDefaultInstance());

        assertThat(answer.getPatient().getId()).isEqualTo("doctor-7");
        assertThat(answer.getPatient().getName().getFamily()).isEqualTo("DOCTOR");
    }

    @ParameterizedTest(name = "authorization \"{0}\"")
    @ValueSource(strings = {"", "Bearer", "Bearer ", "Bearer    ", "bearer ", "Basic dXNlcjpwYXNz", "Bearer not-a-token",
            "Bearer a.b.c"})
    void a_missing_empty_or_malformed_bearer_is_unauthenticated(String authorization) {
        assertThatThrownBy(() -> patients(authorization).getPatient(GetPatientRequest.getDefaultInstance()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        refused -> assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    }

    @Test
    void no_header_expired_forged_and_foreign_tokens_are_unauthenticated() {
        for (String token : new String[]{TestTokens.expired("s", "ADMIN"), TestTokens.signedByAStranger("s", "ADMIN"),
                TestTokens.forAnotherAudience("s", "ADMIN")}) {
            assertThatThrownBy(() -> patients("Bearer " + token).getPatient(GetPatientRequest.getDefaultInstance()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class,
                            refused -> assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
        }
        assertThatThrownBy(() -> PatientServiceGrpc.newBlockingStub(channel).getPatient(GetPatientRequest.getDefaultInstance()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        refused -> assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    }

    private PatientServiceGrpc.PatientServiceBlockingStub patients(String authorization) {
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, authorization);
        return PatientServiceGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    private static final class CallerEcho extends PatientServiceGrpc.PatientServiceImplBase {
        @Override
        public void getPatient(GetPatientRequest request, StreamObserver<GetPatientResponse> answer) {
            var token = BearerTokenCheck.current();
            answer.onNext(GetPatientResponse.newBuilder().setPatient(Patient.newBuilder().setId(token.getSubject())
                    .setName(PersonName.newBuilder().setFamily(String.join(",", RealmRoles.all(token.getClaims()))))).build());
            answer.onCompleted();
        }
    }
}
