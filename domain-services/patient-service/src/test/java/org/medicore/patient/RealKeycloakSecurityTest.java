package org.medicore.patient;

import org.medicore.localstack.TestTokens;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.medicore.contracts.patient.v1.BatchGetPatientsRequest;
import org.medicore.contracts.patient.v1.GetPatientRequest;
import org.medicore.contracts.patient.v1.ListHistoryRequest;
import org.medicore.contracts.patient.v1.ListLabResultsRequest;
import org.medicore.contracts.patient.v1.Patient;
import org.medicore.contracts.patient.v1.PatientServiceGrpc.PatientServiceBlockingStub;
import org.medicore.contracts.patient.v1.SearchPatientsRequest;
import org.medicore.contracts.patient.v1.Sex;
import org.medicore.contracts.patient.v1.UpdateDemographicsRequest;
import org.medicore.localstack.KeycloakServer;
import org.medicore.localstack.TestStack;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcServerPort;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.medicore.patient.ProtoRequests.aLabResult;
import static org.medicore.patient.ProtoRequests.aNote;
import static org.medicore.patient.ProtoRequests.aRegistration;

/**
 * End to end with real Keycloak tokens: the service runs with its production token check (realm
 * issuer, JWKS, audience medicore-api) and each demo user, and the partner client, is let in or
 * refused as the README's role matrix says. The only test class that starts Keycloak (20-60 s).
 */
@SpringBootTest(properties = {
        "spring.grpc.server.port=0",
        "medicore.patient.dynamodb.table=patients-keycloak-test",
        "medicore.patient.outbox.relay-enabled=false",
        "logging.level.software.amazon.dynamodb=WARN"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealKeycloakSecurityTest {

    private static final String DEMO_PATIENT_SUBJECT = "7a1c5b9e-3f0a-4d6b-9a51-0c3e7c1f2a01";

    @DynamicPropertySource
    static void realKeycloak(DynamicPropertyRegistry registry) {
        RealComponentsTest.realStoreAndBroker(registry);
        registry.add("medicore.patient.security.issuer", () -> TestStack.keycloak().issuer());
        registry.add("medicore.patient.security.jwk-set-uri", () -> TestStack.keycloak().jwksUri());
    }

    /** The callers of the matrix: the four demo users and the lab pipeline's partner client. */
    enum Who {
        PATIENT, DOCTOR, BILLING, ADMIN, PARTNER;

        String token() {
            KeycloakServer keycloak = TestStack.keycloak();
            return this == PARTNER ? keycloak.partnerAccessToken() : keycloak.accessToken(name().toLowerCase());
        }
    }

    /** The calls of the matrix, each on a record that is not the demo patient's own. */
    enum Call {
        REGISTER((stub, target) -> stub.registerPatient(aRegistration(RealComponentsTest.uniqueFamilyName("Matrix"))
                .setKeycloakSubject(UUID.randomUUID().toString()).build())),
        GET((stub, target) -> stub.getPatient(GetPatientRequest.newBuilder().setPatientId(target.getId()).build())),
        SEARCH((stub, target) -> stub.searchPatients(SearchPatientsRequest.newBuilder()
                .setFamilyNamePrefix(target.getName().getFamily()).build())),
        UPDATE_DEMOGRAPHICS((stub, target) -> stub.updateDemographics(UpdateDemographicsRequest.newBuilder()
                .setPatientId(target.getId()).setExpectedVersion(target.getVersion())
                .setUpdateMask(FieldMask.newBuilder().addPaths("sex")).setSex(Sex.OTHER).build())),
        ADD_HISTORY((stub, target) -> stub.addHistoryEntry(aNote(target.getId(), "seen in clinic").build())),
        LIST_HISTORY((stub, target) -> stub.listHistory(ListHistoryRequest.newBuilder().setPatientId(target.getId()).build())),
        ATTACH_LAB_RESULT((stub, target) -> stub.attachLabResult(aLabResult(target.getId(), Instant.now().minusSeconds(3600)).build())),
        LIST_LAB_RESULTS((stub, target) -> stub.listLabResults(ListLabResultsRequest.newBuilder().setPatientId(target.getId()).build()));

        private final BiConsumer<PatientServiceBlockingStub, Patient> call;

        Call(BiConsumer<PatientServiceBlockingStub, Patient> call) {
            this.call = call;
        }
    }

    /** Who may make which call on someone else's record; everything not listed is refused. */
    private static final Map<Who, List<Call>> ALLOWED = Map.of(
            Who.PATIENT, List.of(Call.SEARCH),
            Who.DOCTOR, List.of(Call.values()),
            Who.ADMIN, List.of(Call.values()),
            Who.PARTNER, List.of(Call.values()),
            Who.BILLING, List.of(Call.GET, Call.SEARCH));

    @LocalGrpcServerPort
    private int port;
    private PatientServiceClient client;
    private Map<Who, String> tokens;
    private Patient someoneElse;

    @BeforeAll
    void connect() {
        client = new PatientServiceClient(port);
        tokens = Arrays.stream(Who.values()).collect(Collectors.toMap(who -> who, Who::token));
        someoneElse = as(Who.ADMIN).registerPatient(aRegistration(RealComponentsTest.uniqueFamilyName("Target")).build())
                .getPatient();
    }

    @AfterAll
    void disconnect() {
        client.close();
    }

    static Stream<Arguments> roleMatrix() {
        return Arrays.stream(Who.values()).flatMap(who -> Arrays.stream(Call.values())
                .map(call -> Arguments.of(who, call, ALLOWED.get(who).contains(call))));
    }

    @ParameterizedTest(name = "{0} {1}: allowed {2}")
    @MethodSource("roleMatrix")
    void each_role_is_let_in_or_refused_as_the_matrix_says(Who who, Call call, boolean allowed) {
        // Earlier rows may have changed the record: the current version, for UPDATE_DEMOGRAPHICS.
        Patient current = as(Who.ADMIN).getPatient(GetPatientRequest.newBuilder().setPatientId(someoneElse.getId()).build())
                .getPatient();

        if (allowed) {
            assertThatNoException().isThrownBy(() -> call.call.accept(as(who), current));
        } else {
            assertThatThrownBy(() -> call.call.accept(as(who), current)).isInstanceOfSatisfying(StatusRuntimeException.class,
                    e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
        }
    }

    @Test
    void a_patient_registering_is_linked_to_their_own_account_and_then_sees_only_their_own_record() {
        String family = RealComponentsTest.uniqueFamilyName("Self");

        Patient own = as(Who.PATIENT).registerPatient(aRegistration(family).build()).getPatient();
        as(Who.DOCTOR).addHistoryEntry(aNote(own.getId(), "first visit").build());
        as(Who.PARTNER).attachLabResult(aLabResult(own.getId(), Instant.now().minusSeconds(600)).build());

        assertThat(own.getKeycloakSubject()).isEqualTo(DEMO_PATIENT_SUBJECT);
        assertThat(as(Who.PATIENT).getPatient(GetPatientRequest.newBuilder().setPatientId(own.getId()).build()).getPatient())
                .isEqualTo(own);
        assertThat(as(Who.PATIENT).searchPatients(SearchPatientsRequest.newBuilder().setFamilyNamePrefix(family).build())
                .getPatientsList()).extracting(Patient::getId).containsExactly(own.getId());
        assertThat(as(Who.PATIENT).searchPatients(SearchPatientsRequest.newBuilder()
                .setFamilyNamePrefix(someoneElse.getName().getFamily()).build()).getPatientsList()).isEmpty();
        assertThat(as(Who.PATIENT).batchGetPatients(BatchGetPatientsRequest.newBuilder()
                .addPatientIds(someoneElse.getId()).addPatientIds(own.getId()).build()).getPatientsList())
                .extracting(Patient::getId).containsExactly(own.getId());
        assertThat(as(Who.PATIENT).listHistory(ListHistoryRequest.newBuilder().setPatientId(own.getId()).build())
                .getEntriesList()).singleElement().satisfies(entry ->
                assertThat(entry.getAuthor().getSubject()).isEqualTo("7a1c5b9e-3f0a-4d6b-9a51-0c3e7c1f2a02"));
        assertThat(as(Who.PATIENT).listLabResults(ListLabResultsRequest.newBuilder().setPatientId(own.getId()).build())
                .getResultsList()).hasSize(1);
        assertThatThrownBy(() -> as(Who.PATIENT).addHistoryEntry(aNote(own.getId(), "self-diagnosis").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e ->
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
    }

    @Test
    void a_token_the_realm_did_not_sign_is_unauthenticated() {
        String forged = TestTokens.forSubject(DEMO_PATIENT_SUBJECT, "ADMIN");

        assertThatThrownBy(() -> client.as(forged).getPatient(GetPatientRequest.newBuilder()
                .setPatientId(UUID.randomUUID().toString()).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e ->
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    }

    private PatientServiceBlockingStub as(Who who) {
        return client.as(tokens.get(who));
    }
}
