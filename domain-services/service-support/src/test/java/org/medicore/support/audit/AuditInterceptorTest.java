package org.medicore.support.audit;

import com.google.protobuf.FieldMask;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medicore.contracts.common.v1.PersonName;
import org.medicore.contracts.patient.v1.GetPatientRequest;
import org.medicore.contracts.patient.v1.GetPatientResponse;
import org.medicore.contracts.patient.v1.Patient;
import org.medicore.contracts.patient.v1.PatientServiceGrpc;
import org.medicore.contracts.patient.v1.UpdateDemographicsRequest;
import org.medicore.contracts.patient.v1.UpdateDemographicsResponse;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit interceptor around a patient service, with the trail faked (the real one: PostgresAuditTrailTest). */
class AuditInterceptorTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:30:00Z");
    private static final String PATIENT = "9a3c1f5e-0000-4000-8000-000000000001";

    private final List<AccessRecord> recorded = new ArrayList<>();
    private RecordAccess trail = recorded::add;
    /** The relay token the call carries: the BFF's, another client's, or none. */
    private String relayToken = "bff-token";
    private Server server;
    private ManagedChannel channel;

    @AfterEach
    void stop() {
        channel.shutdownNow();
        server.shutdownNow();
    }

    @Test
    void aReadIsRecordedWithWhoAndWhichPatientButNoClinicalValues() {
        PatientServiceGrpc.PatientServiceBlockingStub patients = start("doctor-7", "DOCTOR");

        GetPatientResponse answer = patients.getPatient(GetPatientRequest.newBuilder().setPatientId(PATIENT).build());

        assertThat(answer.getPatient().getName().getFamily()).isEqualTo("Liddell");
        assertThat(recorded).singleElement().satisfies(access -> {
            assertThat(access.occurredAt()).isEqualTo(NOW);
            assertThat(access.subject()).isEqualTo("doctor-7");
            assertThat(access.roles()).containsExactly("DOCTOR");
            assertThat(access.clientId()).isEqualTo("medicore-portal");
            assertThat(access.service()).isEqualTo("medicore.patient.v1.PatientService");
            assertThat(access.operation()).isEqualTo("GetPatient");
            assertThat(access.action()).isEqualTo(Action.READ);
            assertThat(access.resourceType()).isEqualTo("Patient");
            assertThat(access.resourceIds()).containsExactly(PATIENT);
            assertThat(access.patientIds()).containsExactly(PATIENT);
            assertThat(access.fieldsChanged()).isEmpty();
            assertThat(access.forwardedFor()).isEqualTo("203.0.113.9");
            assertThat(access.outcome()).isEqualTo(Outcome.ALLOWED);
            assertThat(access.status()).isEqualTo("OK");
            assertThat(access.traceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
            assertThat(access.toString()).doesNotContain("Liddell", "Alice");
        });
    }

    @Test
    void anAddressInXForwardedForIsRecordedOnlyWhenTheBffVouchesForIt() {
        for (String notTheBff : new String[]{null, "partner-token", "forged-token"}) {
            relayToken = notTheBff;
            start("patient-2", "PATIENT").getPatient(GetPatientRequest.newBuilder().setPatientId(PATIENT).build());
            stop();
        }
        relayToken = "bff-token";

        start("patient-2", "PATIENT").getPatient(GetPatientRequest.newBuilder().setPatientId(PATIENT).build());

        assertThat(recorded).extracting(AccessRecord::forwardedFor).containsExactly("", "", "", "203.0.113.9");
        assertThat(recorded).extracting(AccessRecord::clientAddress).doesNotContain("203.0.113.9");
    }

    @Test
    void aChangeNamesTheFieldsItSetsNotTheirValues() {
        PatientServiceGrpc.PatientServiceBlockingStub patients = start("patient-1", "PATIENT");

        patients.updateDemographics(UpdateDemographicsRequest.newBuilder().setPatientId(PATIENT).setExpectedVersion(3)
                .setUpdateMask(FieldMask.newBuilder().addPaths("name")).setName(PersonName.newBuilder().setGiven("Alicia").setFamily("Liddell"))
                .build());

        assertThat(recorded).singleElement().satisfies(access -> {
            assertThat(access.action()).isEqualTo(Action.CHANGE);
            assertThat(access.fieldsChanged()).containsExactly("name.given", "name.family");
            assertThat(access.patientIds()).containsExactly(PATIENT);
            assertThat(access.toString()).doesNotContain("Alicia", "Liddell");
        });
    }

    @Test
    void aCallTheTokenCheckRefusesIsRecordedAsDeniedAndAnonymous() {
        PatientServiceGrpc.PatientServiceBlockingStub patients = start(null);

        assertThatThrownBy(() -> patients.getPatient(GetPatientRequest.newBuilder().setPatientId(PATIENT).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        refused -> assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));

        assertThat(recorded).singleElement().satisfies(access -> {
            assertThat(access.subject()).isEqualTo("anonymous");
            assertThat(access.outcome()).isEqualTo(Outcome.DENIED);
            assertThat(access.status()).isEqualTo("UNAUTHENTICATED");
        });
    }

    @Test
    void anAccessThatCannotBeRecordedFailsAndReturnsNothing() {
        trail = access -> {
            throw new IllegalStateException("the audit database is down");
        };
        PatientServiceGrpc.PatientServiceBlockingStub patients = start("doctor-7", "DOCTOR");

        assertThatThrownBy(() -> patients.getPatient(GetPatientRequest.newBuilder().setPatientId(PATIENT).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, refused -> {
                    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
                    assertThat(refused.getStatus().getDescription()).contains("audit trail");
                });
    }

    private PatientServiceGrpc.PatientServiceBlockingStub start(String subject, String... roles) {
        String name = InProcessServerBuilder.generateName();
        try {
            server = InProcessServerBuilder.forName(name).directExecutor()
                    .addService(ServerInterceptors.intercept(new Patients(), new TokenRequired(),
                            new AuditInterceptor(access -> trail.record(access), "Patient", frontEnds(),
                                    Clock.fixed(NOW, ZoneOffset.UTC))))
                    .build().start();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        Metadata headers = new Metadata();
        headers.put(AuditInterceptor.FORWARDED_FOR, "203.0.113.9");
        headers.put(AuditInterceptor.TRACE_PARENT, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        if (relayToken != null) {
            headers.put(RelayingFrontEnds.RELAY_AUTHORIZATION, "Bearer " + relayToken);
        }
        if (subject != null) {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).claim("azp", "medicore-portal")
                    .claim("realm_access", Map.of("roles", List.of(roles))).build();
            headers.put(AuditInterceptor.AUTHORIZATION, "Bearer " + new PlainJWT(claims).serialize());
        }
        return PatientServiceGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    /** The service's token decoder as a fake port: it knows the BFF's token and a partner's. */
    private static RelayingFrontEnds frontEnds() {
        Map<String, String> clients = Map.of("bff-token", "medicore-bff", "partner-token", "medicore-partner");
        return new RelayingFrontEnds(token -> {
            if (!clients.containsKey(token)) {
                throw new org.springframework.security.oauth2.jwt.BadJwtException("not a token of the realm");
            }
            return org.springframework.security.oauth2.jwt.Jwt.withTokenValue(token).header("alg", "RS256")
                    .claim("azp", clients.get(token)).issuedAt(NOW.minusSeconds(60)).expiresAt(NOW.plusSeconds(240)).build();
        }, java.util.Set.of("medicore-bff"), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Stands in for the service's own token check, which sits inside the audit. */
    private static final class TokenRequired implements ServerInterceptor {
        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
            if (headers.get(AuditInterceptor.AUTHORIZATION) == null) {
                call.close(Status.UNAUTHENTICATED.withDescription("a bearer token is required"), new Metadata());
                return new ServerCall.Listener<>() {
                };
            }
            return next.startCall(call, headers);
        }
    }

    private static final class Patients extends PatientServiceGrpc.PatientServiceImplBase {
        @Override
        public void getPatient(GetPatientRequest request, StreamObserver<GetPatientResponse> answer) {
            answer.onNext(GetPatientResponse.newBuilder().setPatient(Patient.newBuilder().setId(request.getPatientId())
                    .setName(PersonName.newBuilder().setGiven("Alice").setFamily("Liddell"))).build());
            answer.onCompleted();
        }

        @Override
        public void updateDemographics(UpdateDemographicsRequest request, StreamObserver<UpdateDemographicsResponse> answer) {
            answer.onNext(UpdateDemographicsResponse.getDefaultInstance());
            answer.onCompleted();
        }
    }
}
