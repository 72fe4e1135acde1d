package org.medicore.lab.support;

import com.nimbusds.jwt.SignedJWT;
import com.google.protobuf.util.JsonFormat;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.medicore.contracts.common.v1.ContactDetails;
import org.medicore.contracts.common.v1.PersonName;
import org.medicore.contracts.lab.v1.ConfirmUploadRequest;
import org.medicore.contracts.lab.v1.GetReportStatusRequest;
import org.medicore.contracts.lab.v1.LabReport;
import org.medicore.contracts.lab.v1.LabReportStatus;
import org.medicore.contracts.lab.v1.LabResult;
import org.medicore.contracts.lab.v1.ListResultsByPatientRequest;
import org.medicore.contracts.lab.v1.LabServiceGrpc;
import org.medicore.contracts.lab.v1.RequestUploadUrlRequest;
import org.medicore.contracts.lab.v1.RequestUploadUrlResponse;
import org.medicore.contracts.patient.v1.PatientServiceGrpc;
import org.medicore.contracts.patient.v1.RegisterPatientRequest;
import org.medicore.contracts.patient.v1.Sex;
import org.medicore.localstack.AuditDatabase;
import org.medicore.localstack.DynamoDbServer;
import org.medicore.localstack.KeycloakServer;
import org.medicore.localstack.ObjectStore;
import org.medicore.localstack.TestStack;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcServerPort;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lab-processor on a free gRPC port against the real test stack: S3Proxy, DynamoDB Local,
 * Kafka, Keycloak, and the real patient-service in the same JVM. Subclasses share one context.
 */
@SpringBootTest(properties = {
        "spring.grpc.server.port=0",
        "medicore.lab.dynamodb.table=lab-reports-test",
        "medicore.lab.outbox.relay-interval=200ms",
        // the tests hand dropped HL7 files to the Lambda handler themselves
        "medicore.lab.hl7.drop-poll-interval=0s",
        // the fairness test's big report goes to the large-report workers
        "medicore.lab.processing.large-report-bytes=20000",
        "logging.level.software.amazon.dynamodb=WARN"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RunningLabProcessor {

    @LocalGrpcServerPort
    protected int port;

    private ManagedChannel labChannel;
    private ManagedChannel patientChannel;
    protected S3Client s3;
    protected LabEvents labEvents;

    @DynamicPropertySource
    static void realComponents(DynamicPropertyRegistry registry) {
        AuditDatabase.writerProperties(TestStack.postgres()).forEach((key, value) -> registry.add(key, () -> value));
        registry.add("medicore.lab.s3.endpoint", () -> TestStack.objectStore().endpoint());
        registry.add("medicore.lab.s3.bucket", () -> ObjectStore.LAB_REPORTS_BUCKET);
        registry.add("medicore.lab.s3.region", () -> ObjectStore.REGION);
        registry.add("medicore.lab.s3.access-key", () -> ObjectStore.ACCESS_KEY);
        registry.add("medicore.lab.s3.secret-key", () -> ObjectStore.SECRET_KEY);
        registry.add("medicore.lab.dynamodb.endpoint", () -> TestStack.dynamoDb().endpoint());
        registry.add("medicore.lab.dynamodb.region", () -> DynamoDbServer.REGION);
        registry.add("medicore.lab.dynamodb.access-key", () -> DynamoDbServer.ACCESS_KEY);
        registry.add("medicore.lab.dynamodb.secret-key", () -> DynamoDbServer.SECRET_KEY);
        registry.add("medicore.lab.kafka.bootstrap-servers", () -> TestStack.kafka().bootstrapServers());
        registry.add("medicore.lab.patient-service.target", () -> "127.0.0.1:" + RunningPatientService.port());
        registry.add("medicore.lab.patient-service.token-endpoint", () -> TestStack.keycloak().tokenEndpoint());
        registry.add("medicore.lab.patient-service.client-id", () -> KeycloakServer.PARTNER_CLIENT);
        registry.add("medicore.lab.patient-service.client-secret", () -> KeycloakServer.PARTNER_SECRET);
        registry.add("medicore.lab.security.issuer", () -> TestStack.keycloak().issuer());
        registry.add("medicore.lab.security.jwk-set-uri", () -> TestStack.keycloak().jwksUri());
    }

    @BeforeAll
    void connect() {
        labChannel = Grpc.newChannelBuilderForAddress("127.0.0.1", port, InsecureChannelCredentials.create()).build();
        patientChannel = Grpc.newChannelBuilderForAddress("127.0.0.1", RunningPatientService.port(),
                InsecureChannelCredentials.create()).build();
        s3 = S3Client.builder().endpointOverride(URI.create(TestStack.objectStore().endpoint()))
                .region(Region.of(ObjectStore.REGION)).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(ObjectStore.ACCESS_KEY, ObjectStore.SECRET_KEY))).build();
        labEvents = new LabEvents(TestStack.kafka().bootstrapServers());
    }

    @AfterAll
    void disconnect() {
        labChannel.shutdownNow();
        patientChannel.shutdownNow();
        s3.close();
        labEvents.close();
    }

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /**
     * A demo user's token from the real Keycloak: "doctor", "patient", "admin", "billing". Fetched
     * once per test JVM (they live 5 minutes, longer than the module's tests), so the tests also
     * survive a Keycloak that another build on the machine restarts.
     */
    protected static String tokenOf(String demoUser) {
        return TOKENS.computeIfAbsent(demoUser, user -> TestStack.keycloak().accessToken(user));
    }

    protected static String subjectOf(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().getSubject();
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The plain channel to the lab-processor, for callers that attach their own token. */
    protected Channel labChannel() {
        return labChannel;
    }

    protected LabServiceGrpc.LabServiceBlockingStub labServiceAs(String token) {
        return LabServiceGrpc.newBlockingStub(labChannel).withInterceptors(bearer(token));
    }

    protected PatientServiceGrpc.PatientServiceBlockingStub patientServiceAs(String token) {
        return PatientServiceGrpc.newBlockingStub(patientChannel).withInterceptors(bearer(token));
    }

    /** Registers a patient (as the doctor), linked to {@code keycloakSubject} when it is not empty; answers the id. */
    protected String aRegisteredPatient(String keycloakSubject) {
        return aRegisteredPatient(keycloakSubject, java.time.LocalDate.of(1985, 3, 14));
    }

    /** Registers a patient born on {@code born} with a family name of their own; answers the id. */
    protected String aRegisteredPatient(String keycloakSubject, java.time.LocalDate born) {
        return patientServiceAs(tokenOf("doctor")).registerPatient(RegisterPatientRequest.newBuilder()
                .setName(PersonName.newBuilder().setGiven("Anna").setFamily("Lab" + UUID.randomUUID().toString().substring(0, 8)))
                .setDateOfBirth(com.google.type.Date.newBuilder().setYear(born.getYear()).setMonth(born.getMonthValue())
                        .setDay(born.getDayOfMonth()))
                .setSex(Sex.FEMALE)
                .setContact(ContactDetails.newBuilder().setEmail("anna." + UUID.randomUUID() + "@example.org"))
                .setKeycloakSubject(keycloakSubject)
                .setRegisteredAtClinicId("clinic-berlin").build()).getPatient().getId();
    }

    /** The record of the demo patient {@code subject}, registered once and then found there. */
    protected void ownRecordOf(String subject) {
        try {
            aRegisteredPatient(subject);
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() != io.grpc.Status.Code.ALREADY_EXISTS) {
                throw e;
            }
        }
    }

    /** The report as the lab prints it for the registered patient: their name and date of birth in its header. */
    protected SampleReports printedFor(String patientId, SampleReports report) {
        var patient = patientServiceAs(tokenOf("doctor")).getPatient(org.medicore.contracts.patient.v1.GetPatientRequest
                .newBuilder().setPatientId(patientId).build()).getPatient();
        var born = patient.getDateOfBirth();
        return report.forPatient(patient.getName().getGiven() + " " + patient.getName().getFamily(),
                "%04d-%02d-%02d".formatted(born.getYear(), born.getMonth(), born.getDay()));
    }

    /** Asks for a URL, PUTs the file to it as a browser would, and confirms; answers the report id. */
    protected String upload(String token, String patientId, byte[] file) throws IOException, InterruptedException {
        String reportId = uploadUnconfirmed(token, patientId, file);
        labServiceAs(token).confirmUpload(ConfirmUploadRequest.newBuilder().setReportId(reportId).build());
        return reportId;
    }

    /** Asks for a URL and PUTs the file to it as a browser would, but does not confirm; answers the report id. */
    protected String uploadUnconfirmed(String token, String patientId, byte[] file) throws IOException, InterruptedException {
        RequestUploadUrlResponse ticket = labServiceAs(token).requestUploadUrl(aRequest(patientId, file.length));
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(ticket.getUploadUrl()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(file));
        // Content-Length is set by the client from the body
        ticket.getRequiredHeadersMap().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Content-Length")) {
                put.header(name, value);
            }
        });
        HttpResponse<String> response = HTTP.send(put.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ticket.getReportId();
    }

    protected LabReport awaitFinal(String token, String reportId) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            LabReport report = labServiceAs(token).getReportStatus(GetReportStatusRequest.newBuilder()
                    .setReportId(reportId).build()).getReport();
            if (report.getStatus() == LabReportStatus.PROCESSED || report.getStatus() == LabReportStatus.REJECTED
                    || report.getStatus() == LabReportStatus.NEEDS_REVIEW || Instant.now().isAfter(giveUp)) {
                return report;
            }
            Thread.sleep(100);
        }
    }

    protected static RequestUploadUrlRequest aRequest(String patientId, long size) {
        return RequestUploadUrlRequest.newBuilder().setPatientId(patientId).setFileName("blood-panel.pdf")
                .setContentType("application/pdf").setSizeBytes(size).build();
    }

    protected void putObject(String key, byte[] bytes) {
        s3.putObject(r -> r.bucket(ObjectStore.LAB_REPORTS_BUCKET).key(key).contentType("application/pdf"),
                RequestBody.fromBytes(bytes));
    }

    protected boolean objectExists(String key) {
        return s3.listObjectsV2(r -> r.bucket(ObjectStore.LAB_REPORTS_BUCKET).prefix(key)).keyCount() > 0;
    }

    protected List<LabResult> resultsOf(String token, String patientId, String reportId) {
        return labServiceAs(token).listResultsByPatient(ListResultsByPatientRequest.newBuilder()
                .setPatientId(patientId).setReportId(reportId).build()).getResultsList();
    }

    /** An event's proto3 JSON read into its builder. */
    protected static <B extends com.google.protobuf.Message.Builder> B parse(String json, B builder) throws Exception {
        JsonFormat.parser().merge(json, builder);
        return builder;
    }

    private static io.grpc.ClientInterceptor bearer(String token) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return MetadataUtils.newAttachHeadersInterceptor(headers);
    }
}
