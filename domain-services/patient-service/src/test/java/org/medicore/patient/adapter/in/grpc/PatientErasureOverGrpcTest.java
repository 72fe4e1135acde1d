package org.medicore.patient.adapter.in.grpc;

import com.google.rpc.PreconditionFailure;
import com.google.type.Date;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.common.v1.PersonName;
import org.medicore.contracts.patient.v1.ApproveErasureRequestRequest;
import org.medicore.contracts.patient.v1.ErasureRequest;
import org.medicore.contracts.patient.v1.ErasureServiceGrpc;
import org.medicore.contracts.patient.v1.ErasureState;
import org.medicore.contracts.patient.v1.GetPatientRequest;
import org.medicore.contracts.patient.v1.ListPendingErasureRequestsRequest;
import org.medicore.contracts.patient.v1.RequestErasureRequest;
import org.medicore.localstack.AuditDatabase;
import org.medicore.localstack.KeycloakServer;
import org.medicore.localstack.TestStack;
import org.medicore.localstack.TestTokens;
import org.medicore.patient.domain.PatientEvent;
import org.medicore.support.audit.AuditKeys;
import org.medicore.support.erasure.StoredValueSearch;
import org.medicore.support.audit.AuditTrailReader;
import org.medicore.support.audit.RecordedAccess;
import org.medicore.support.audit.TestStackAuditTrail;
import org.medicore.support.grpc.RefusalDetails;
import org.medicore.support.outbox.EventByEventRelay;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.patient.ProtoRequests.aLabResult;
import static org.medicore.patient.ProtoRequests.aNote;
import static org.medicore.patient.ProtoRequests.aRegistration;

/**
 * A patient's erasure end to end, against the real DynamoDB Local, audit PostgreSQL, Kafka and Keycloak: recorded by
 * one admin, refused to that admin and to the patient, approved by another, and then nothing of the patient's name,
 * e-mail or birth date in the table or the audit schema, the login gone, the event on the topic.
 */
class PatientErasureOverGrpcTest extends EndpointOverRealChannelTest {

    private static final String TOPIC = "medicore.patients.v1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private DynamoDbClient dynamoDb;
    @Autowired
    private EventByEventRelay<PatientEvent> relay;

    @DynamicPropertySource
    static void realKeycloak(DynamicPropertyRegistry registry) {
        registry.add("medicore.patient.accounts.keycloak-url", () -> TestStack.keycloak().baseUrl());
    }

    @Test
    void an_erasure_recorded_by_one_admin_and_approved_by_another_leaves_nothing_of_the_patient_anywhere() {
        String given = "Ilse" + letters();
        String family = uniqueFamilyName("Vergessen");
        String email = "ilse." + UUID.randomUUID() + "@example.org";
        LocalDate born = LocalDate.of(1901, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000));
        String account = keycloakAccount(email, given, family);
        String doctor = TestTokens.forSubject("doctor-" + UUID.randomUUID(), "DOCTOR");
        String patientId = as(doctor).registerPatient(aRegistration(family).setName(PersonName.newBuilder().setGiven(given).setFamily(family))
                .setDateOfBirth(Date.newBuilder().setYear(born.getYear()).setMonth(born.getMonthValue()).setDay(born.getDayOfMonth()))
                .setContact(aRegistration(family).getContact().toBuilder().setEmail(email))
                .setKeycloakSubject(account).build()).getPatient().getId();
        as(doctor).addHistoryEntry(aNote(patientId, "reports headaches").build());
        as(doctor).attachLabResult(aLabResult(patientId, Instant.now().minusSeconds(60)).build());
        String patient = TestTokens.forSubject(account, "PATIENT");
        as(patient).getPatient(GetPatientRequest.newBuilder().setPatientId(patientId).build());
        String adminA = TestTokens.forSubject("admin-a-" + UUID.randomUUID(), "ADMIN");
        String adminB = TestTokens.forSubject("admin-b-" + UUID.randomUUID(), "ADMIN");

        ErasureRequest recorded = erasure(adminA).requestErasure(RequestErasureRequest.newBuilder().setPatientId(patientId)
                .setReason("asked in writing on 2026-11-30").build()).getRequest();
        assertThat(recorded.getState()).isEqualTo(ErasureState.ERASURE_PENDING);
        assertThat(allPending(adminB)).contains(recorded);
        ApproveErasureRequestRequest approval = ApproveErasureRequestRequest.newBuilder().setErasureRequestId(recorded.getId()).build();
        // PERMISSION_DENIED, not FAILED_PRECONDITION: no state of the request lets this admin approve it; another admin can
        assertThat(refusal(() -> erasure(adminA).approveErasureRequest(approval))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(refusal(() -> erasure(patient).approveErasureRequest(approval))).isEqualTo(Status.Code.PERMISSION_DENIED);

        ErasureRequest erased = erasure(adminB).approveErasureRequest(approval).getRequest();

        assertThat(erased.getState()).isEqualTo(ErasureState.ERASURE_DONE);
        for (String personal : List.of(given, family, email, born.toString())) {
            assertThat(tableItemsHolding(personal)).as(personal).isEmpty();
            assertThat(StoredValueSearch.placesHolding(TestStack.postgres().jdbcUrl(AuditDatabase.NAME), "audit", personal)).as(personal).isEmpty();
        }
        assertThat(keycloakUser(account).statusCode()).isEqualTo(404);
        List<RecordedAccess> erasures = TestStackAuditTrail.recordsAmongNewest(50, record -> record.operation().equals("ForgetPatient"));
        assertThat(erasures).extracting(RecordedAccess::subject).contains(subjectOf(adminB));
        assertThat(auditReader().checkChain().intact()).isTrue();
        while (relay.relayPending() > 0) {
            // the relay is off in tests, so every earlier test's events are pending too; a round relays one batch
        }
        ConsumerRecord<String, String> event = erasedEventOf(patientId);
        assertThat(event.value()).contains(patientId, "approvedAt").doesNotContain(family, email);

        StatusRuntimeException again = refused(() -> erasure(adminB).approveErasureRequest(approval));
        assertThat(again.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(RefusalDetails.detail(again, PreconditionFailure.class).getViolations(0).getType()).isEqualTo("ALREADY_ERASED");
        assertThat(relay.relayPending()).as("no second event").isZero();
    }

    @Test
    void a_malformed_request_names_each_malformed_field() {
        StatusRuntimeException refused = refused(() -> erasure(TestTokens.forSubject("admin", "ADMIN"))
                .requestErasure(RequestErasureRequest.newBuilder().setPatientId("not-an-id").setReason("x".repeat(501)).build()));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(RefusalDetails.violatedFields(refused)).containsExactlyInAnyOrder("patient_id", "reason");
    }

    private ErasureServiceGrpc.ErasureServiceBlockingStub erasure(String token) {
        return client.erasureAs(token);
    }

    private List<ErasureRequest> allPending(String admin) {
        List<ErasureRequest> pending = new ArrayList<>();
        String token = "";
        do {
            var page = erasure(admin).listPendingErasureRequests(ListPendingErasureRequestsRequest.newBuilder()
                    .setPage(PageRequest.newBuilder().setPageSize(100).setPageToken(token)).build());
            pending.addAll(page.getRequestsList());
            token = page.getPageInfo().getNextPageToken();
        } while (!token.isEmpty());
        return pending;
    }

    private List<String> tableItemsHolding(String value) {
        return dynamoDb.scanPaginator(r -> r.tableName("patients-test").consistentRead(true)).stream()
                .map(ScanResponse::items).flatMap(List::stream).map(Object::toString)
                .filter(item -> item.toLowerCase().contains(value.toLowerCase())).toList();
    }

    private static Status.Code refusal(Runnable call) {
        return refused(call).getStatus().getCode();
    }

    private static StatusRuntimeException refused(Runnable call) {
        try {
            call.run();
        } catch (StatusRuntimeException refused) {
            return refused;
        }
        throw new AssertionError("not refused");
    }

    private static String subjectOf(String token) {
        return JSON.readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1])).get("sub").asString();
    }

    private static AuditTrailReader auditReader() {
        return new AuditTrailReader(JdbcClient.create(new DriverManagerDataSource(TestStack.postgres().jdbcUrl(AuditDatabase.NAME),
                AuditDatabase.READER, AuditDatabase.READER_PASSWORD)), AuditKeys.local());
    }

    private static ConsumerRecord<String, String> erasedEventOf(String patientId) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "erasure-test-" + UUID.randomUUID());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(partition -> new TopicPartition(TOPIC, partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (patientId.equals(record.key()) && "medicore.events.v1.PatientErased".equals(
                            new String(record.headers().lastHeader("event-type").value()))) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no PatientErased of " + patientId + " on " + TOPIC);
    }

    /** A portal login as the BFF's self-registration creates it, through the admin API as Keycloak's bootstrap admin. */
    private static String keycloakAccount(String email, String given, String family) {
        String user = "{\"username\":\"" + email + "\",\"email\":\"" + email + "\",\"firstName\":\"" + given
                + "\",\"lastName\":\"" + family + "\",\"enabled\":true}";
        HttpResponse<String> created = admin(HttpRequest.newBuilder(usersUri("")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(user)));
        assertThat(created.statusCode()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static HttpResponse<String> keycloakUser(String id) {
        return admin(HttpRequest.newBuilder(usersUri("/" + id)).GET());
    }

    private static URI usersUri(String path) {
        return URI.create(TestStack.keycloak().baseUrl() + "/admin/realms/" + KeycloakServer.REALM + "/users" + path);
    }

    private static HttpResponse<String> admin(HttpRequest.Builder request) {
        String form = "grant_type=password&client_id=admin-cli&username=" + KeycloakServer.ADMIN_USER + "&password="
                + KeycloakServer.ADMIN_PASSWORD;
        try (HttpClient http = HttpClient.newHttpClient()) {
            String token = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(TestStack.keycloak().baseUrl()
                            + "/realms/master/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).body())
                    .get("access_token").asString();
            return http.send(request.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String letters() {
        return uniqueFamilyName("").substring(0, 6);
    }
}
