package org.medicore.bff;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medicore.bff.support.Clinic;
import org.medicore.bff.support.WholeSystemTest;
import org.medicore.localstack.TestSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What operators see of the running system: every service ready and measured, one trace from the
 * portal's request to the service's audit record, and logs in which no patient can be recognised.
 */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTest extends WholeSystemTest {

    private static final List<String> AUDITED = List.of(TestSystem.PATIENT, TestSystem.APPOINTMENT, TestSystem.BILLING,
            TestSystem.LAB);

    private static final Clinic CLINIC = new Clinic(SYSTEM);

    private final List<String> seenInvoiceTraces = new CopyOnWriteArrayList<>();

    @LocalManagementPort
    int managementPort;

    @AfterAll
    static void close() {
        CLINIC.close();
    }

    @Test
    void every_service_is_live_and_ready_and_publishes_its_metrics() {
        as("patient").document("query MyRecord { me { patient { id } } }").execute().path("me.patient.id").hasValue();

        for (String service : Stream.concat(AUDITED.stream(), Stream.of(TestSystem.ANALYTICS)).toList()) {
            String actuator = SYSTEM.actuatorUrl(service);
            assertThat(get(actuator + "/health/liveness")).as(service).contains("\"status\":\"UP\"");
            assertThat(get(actuator + "/health/readiness")).as(service).contains("\"status\":\"UP\"");
            assertThat(get(actuator + "/prometheus")).as(service).contains("application=\"" + service + "\"");
        }
        for (String service : AUDITED) {
            assertThat(get(SYSTEM.actuatorUrl(service) + "/prometheus")).as(service).contains("medicore_outbox_backlog{");
        }
        assertThat(get(SYSTEM.actuatorUrl(TestSystem.PATIENT) + "/prometheus"))
                .contains("grpc_server_seconds_bucket").contains("rpc_service=\"medicore.patient.v1.PatientService\"");
        assertThat(get(SYSTEM.actuatorUrl(TestSystem.BILLING) + "/prometheus")).contains("medicore_dlq_size{");

        String bff = "http://127.0.0.1:" + managementPort + "/actuator";
        assertThat(get(bff + "/health/readiness")).contains("\"status\":\"UP\"");
        assertThat(get(bff + "/prometheus")).contains("graphql_request_seconds_bucket")
                .contains("graphql_operation_name=\"MyRecord\"").contains("grpc_client_seconds");
    }

    @Test
    void the_trace_of_a_portal_request_reaches_the_service_and_is_kept_with_its_audit_record() {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String patientId = as("patient").document("{ me { patient { id } } }").execute()
                .path("me.patient.id").entity(String.class).get();
        String doctor = as("doctor").document("{ me { subject } }").execute().path("me.subject").entity(String.class).get();

        traced("doctor", traceId).document("{ patient(id: \"%s\") { id } }".formatted(patientId)).execute().path("patient.id").hasValue();

        as("admin").document("""
                        { auditTrail(filter: {subject: "%s", patientId: "%s"}, first: 20) { edges { node { traceId } } } }"""
                        .formatted(doctor, patientId)).execute()
                .path("auditTrail.edges[*].node.traceId").entityList(String.class).contains(traceId);
    }

    @Test
    void a_late_cancellation_and_the_invoice_billing_issues_for_it_belong_to_the_trace_of_the_request() {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String visit = bookToday(CLINIC.aPractitionerWhoseDayHasHoursLeft());

        traced("patient", traceId).document("""
                        mutation($id: ID!) { cancelAppointment(input: { appointmentId: $id, reason: "feeling better" }) { status } }""")
                .variable("id", visit).execute()
                .path("cancelAppointment.status").entity(String.class).isEqualTo("CANCELLED");

        try (KafkaConsumer<String, String> billingEvents = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SYSTEM.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "trace-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            billingEvents.subscribe(List.of("medicore.billing.v1"));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(invoiceTraces(billingEvents, visit))
                    .anySatisfy(traceParent -> assertThat(traceParent).contains(traceId)));
        }
    }

    /** The traceparent headers of the invoices issued for the visit, as far as the topic has been read. */
    private List<String> invoiceTraces(KafkaConsumer<String, String> events, String visit) {
        for (ConsumerRecord<String, String> event : events.poll(Duration.ofMillis(500))) {
            Header traceParent = event.headers().lastHeader("traceparent");
            if (event.value().contains(visit) && traceParent != null) {
                seenInvoiceTraces.add(new String(traceParent.value(), StandardCharsets.UTF_8));
            }
        }
        return seenInvoiceTraces;
    }

    private HttpGraphQlTester traced(String user, String traceId) {
        return HttpGraphQlTester.builder(http().mutate().baseUrl(graphQlUrl())
                        .defaultHeader("Authorization", "Bearer " + SYSTEM.keycloak().accessToken(user))
                        .defaultHeader("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01"))
                .build();
    }

    @Test
    void a_patients_name_and_date_of_birth_appear_in_no_log_of_a_whole_visit(CapturedOutput bffOutput) throws IOException {
        String family = "Quennell" + UUID.randomUUID().toString().substring(0, 6);
        String given = "Ysolde";
        String dateOfBirth = "1958-11-03";
        String email = "ysolde." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String patientId = anonymous().document("""
                        mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { patient { id } } }""")
                .variable("input", Map.of("name", Map.of("given", given, "family", family), "dateOfBirth", dateOfBirth,
                        "sex", "FEMALE", "email", email, "phone", "+4930555123", "password", "correct horse battery"))
                .execute().path("registerPatient.patient.id").entity(String.class).get();

        withToken(passwordGrant(email, "correct horse battery")).document("{ me { patient { name { family } dateOfBirth } } }")
                .execute().path("me.patient.name.family").entity(String.class).isEqualTo(family);
        as("doctor").document("""
                        { patients(search: {familyNamePrefix: "%s", dateOfBirth: "%s"}) { edges { node { id } } } }"""
                        .formatted(family, dateOfBirth)).execute()
                .path("patients.edges[0].node.id").entity(String.class).isEqualTo(patientId);
        as("doctor").document("""
                        mutation { addHistoryEntry(input: {patientId: "%s", kind: NOTE, text: "Seen today"}) { id } }"""
                        .formatted(patientId)).execute().path("addHistoryEntry.id").hasValue();
        as("doctor").document("{ patient(id: \"nonsense-%s\") { id } }".formatted(family)).execute();

        try (Stream<Path> logs = Files.list(SYSTEM.logDirectory())) {
            for (Path log : logs.toList()) {
                assertThat(Files.readString(log)).as(log.getFileName().toString())
                        .isNotEmpty().doesNotContain(family, dateOfBirth, email);
            }
        }
        assertThat(bffOutput.getAll()).isNotEmpty().doesNotContain(family, dateOfBirth, email);
    }

    /** Prometheus pages run to megabytes, past the client's default buffer. */
    private String get(String url) {
        return http().mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build()
                .get().uri(url).exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
