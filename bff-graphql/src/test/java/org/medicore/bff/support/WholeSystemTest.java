package org.medicore.bff.support;

import org.medicore.bff.grpc.RpcCounter;
import org.medicore.contracts.appointment.v1.Practitioner;
import org.medicore.localstack.AuditDatabase;
import org.medicore.localstack.SlowLink;
import org.medicore.localstack.TestStack;
import org.medicore.localstack.TestSystem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.GraphQlResponse;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The BFF on a random port in front of the whole system: the real domain services from their
 * jars on PostgreSQL, Kafka, DynamoDB Local and S3Proxy, and the real Keycloak whose tokens the
 * tests use. Every test class shares one system and one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"management.server.port=0",
        // Every test registers from 127.0.0.1; SignUpThrottleTest holds the throttle itself.
        "medicore.bff.registration.throttle.per-address=1000"})
public abstract class WholeSystemTest {

    protected static final TestSystem SYSTEM = TestSystem.get().withDemoData();
    /**
     * The BFF reaches patient-service through a link that passes everything until a test holds its
     * answers back: one Spring context for every class, late answers included.
     */
    protected static final SlowLink PATIENT_LINK = SlowLink.to(SYSTEM.patientTarget());
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    @LocalServerPort
    protected int port;

    @Autowired
    protected RpcCounter rpcs;

    @DynamicPropertySource
    static void wholeSystem(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> SYSTEM.keycloak().issuer());
        registry.add("medicore.bff.services.patient", PATIENT_LINK::target);
        registry.add("medicore.bff.services.appointment", SYSTEM::appointmentTarget);
        registry.add("medicore.bff.services.billing", SYSTEM::billingTarget);
        registry.add("medicore.bff.services.lab", SYSTEM::labTarget);
        registry.add("medicore.bff.services.notification", SYSTEM::notificationTarget);
        registry.add("medicore.bff.keycloak.base-url", () -> SYSTEM.keycloak().baseUrl());
        registry.add("medicore.bff.live.bootstrap-servers", () -> SYSTEM.kafka().bootstrapServers());
        registry.add("medicore.bff.live.analytics-url", SYSTEM::analyticsUrl);
        // No FHIR API here (FhirApiRecordsTest and the browser story cover the record's download): a port nothing
        // listens on, not the default one a running local stack may be serving.
        registry.add("medicore.bff.fhir.base-url", () -> "http://127.0.0.1:" + org.medicore.localstack.FreePorts.free() + "/fhir");
        registry.add("spring.datasource.url", () -> TestStack.postgres().jdbcUrl(AuditDatabase.NAME));
    }

    /** The GraphQL endpoint as the demo user {@code user} (patient, doctor, billing, admin). */
    protected HttpGraphQlTester as(String user) {
        return withToken(SYSTEM.keycloak().accessToken(user));
    }

    /** A token for an account the test made itself (the demo users: {@link #as}). */
    protected static String passwordGrant(String username, String password) {
        var response = SYSTEM.keycloak().requestToken(Map.of("grant_type", "password", "client_id", "medicore-local-dev",
                "username", username, "password", password));
        assertThat(response.statusCode()).isEqualTo(200);
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    /** A patient who registered through the portal, signed in: their record's id, their login and their token. */
    protected record SignedInPatient(String patientId, String email, String token) {
    }

    /** Registers a new patient with an account of their own (given name {@code given}) and signs them in. */
    protected SignedInPatient aPatientWithAnAccount(String given) {
        String email = given.toLowerCase() + "." + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String patientId = anonymous().document("""
                        mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { patient { id } } }""")
                .variable("input", Map.of("name", Map.of("given", given, "family", "Quist"), "dateOfBirth", "1990-04-02",
                        "email", email, "password", "correct horse battery"))
                .execute().path("registerPatient.patient.id").entity(String.class).get();
        return new SignedInPatient(patientId, email, passwordGrant(email, "correct horse battery"));
    }

    protected HttpGraphQlTester withToken(String token) {
        return HttpGraphQlTester.builder(http().mutate().baseUrl(graphQlUrl())
                .defaultHeader("Authorization", "Bearer " + token)).build();
    }

    protected HttpGraphQlTester anonymous() {
        return HttpGraphQlTester.builder(http().mutate().baseUrl(graphQlUrl())).build();
    }

    /**
     * The demo patient asks for an upload URL and PUTs the PDF to it as the portal does, with the
     * headers the URL was signed with; answers the report id (the upload is not confirmed yet).
     */
    protected String putLabReportAsPatient(byte[] pdf) throws IOException, InterruptedException {
        Map<?, ?> upload = as("patient").document("""
                        mutation($input: RequestLabReportUploadInput!) {
                          requestLabReportUpload(input: $input) { reportId uploadUrl requiredHeaders { name value } expiresAt }
                        }""")
                .variable("input", Map.of("patientId", Demo.PATIENT_SUBJECT, "fileName", "labs.pdf", "sizeBytes", pdf.length))
                .execute().path("requestLabReportUpload").entity(Map.class).get();
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create((String) upload.get("uploadUrl")))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(pdf));
        ((List<Map<String, String>>) upload.get("requiredHeaders")).stream()
                .filter(header -> !header.get("name").equalsIgnoreCase("content-length"))
                .forEach(header -> put.header(header.get("name"), header.get("value")));
        assertThat(HttpClient.newHttpClient().send(put.build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(200);
        return (String) upload.get("reportId");
    }

    /** A graphql-ws connection as the demo user {@code user}, the token given in connection_init. */
    protected WebSocketGraphQlClient socket(String user) {
        String token = SYSTEM.keycloak().accessToken(user);
        return WebSocketGraphQlClient.builder(URI.create(graphQlUrl().replace("http", "ws")), new StandardWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(Map.of("Authorization", "Bearer " + token));
                    }
                })
                .build();
    }

    protected WebTestClient http() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    protected String graphQlUrl() {
        return "http://127.0.0.1:" + port + "/graphql";
    }

    /**
     * The demo patient books the next free slot of today, in the practitioner's zone, with a
     * practitioner who works around the clock, skipping times at which other tests have already
     * booked the patient elsewhere.
     */
    protected String bookToday(Practitioner practitioner) {
        String today = LocalDate.now(ZoneId.of(practitioner.getTimeZone())).toString();
        List<String> slots = as("patient").document("""
                        query($p: ID!, $d: Date!) { availableSlots(practitionerId: $p, from: $d, to: $d) { start } }""")
                .variable("p", practitioner.getId()).variable("d", today).execute()
                .path("availableSlots[*].start").entityList(String.class).get();
        for (String start : slots) {
            GraphQlResponse booked = as("patient").document("""
                            mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }""")
                    .variable("input", Map.of("patientId", Demo.PATIENT_SUBJECT, "practitionerId", practitioner.getId(),
                            "start", start))
                    .execute().returnResponse();
            if (booked.getErrors().isEmpty()) {
                return booked.field("bookAppointment.id").getValue();
            }
            assertThat(booked.getErrors().getFirst().getExtensions().get("reasons")).asString().contains("PATIENT_DOUBLE_BOOKED");
        }
        throw new AssertionError("no slot left today at which the demo patient is free");
    }
}
