package org.medicore.bench;

import com.google.protobuf.Timestamp;
import com.google.type.Date;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.stub.AbstractStub;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.medicore.contracts.appointment.v1.Appointment;
import org.medicore.contracts.appointment.v1.AppointmentServiceGrpc;
import org.medicore.contracts.appointment.v1.BookAppointmentRequest;
import org.medicore.contracts.appointment.v1.CancelAppointmentRequest;
import org.medicore.contracts.appointment.v1.CancellingParty;
import org.medicore.contracts.billing.v1.BillingServiceGrpc;
import org.medicore.contracts.billing.v1.ListInvoicesByPatientRequest;
import org.medicore.contracts.common.v1.AppointmentType;
import org.medicore.contracts.common.v1.ContactDetails;
import org.medicore.contracts.common.v1.PersonName;
import org.medicore.contracts.lab.v1.ConfirmUploadRequest;
import org.medicore.contracts.lab.v1.GetReportStatusRequest;
import org.medicore.contracts.lab.v1.LabReportStatus;
import org.medicore.contracts.lab.v1.LabServiceGrpc;
import org.medicore.contracts.lab.v1.RequestUploadUrlRequest;
import org.medicore.contracts.lab.v1.RequestUploadUrlResponse;
import org.medicore.contracts.patient.v1.ApproveErasureRequestRequest;
import org.medicore.contracts.patient.v1.ErasureRequest;
import org.medicore.contracts.patient.v1.ErasureServiceGrpc;
import org.medicore.contracts.patient.v1.ErasureState;
import org.medicore.contracts.patient.v1.RegisterPatientRequest;
import org.medicore.contracts.patient.v1.PatientServiceGrpc;
import org.medicore.contracts.patient.v1.RequestErasureRequest;
import org.medicore.localstack.AuditDatabase;
import org.medicore.localstack.BearerCredentials;
import org.medicore.localstack.DynamoDbServer;
import org.medicore.localstack.KeycloakServer;
import org.medicore.localstack.LabReportPdf;
import org.medicore.localstack.LocalStack;
import org.medicore.localstack.ObjectStore;
import org.medicore.localstack.TestStack;
import org.medicore.localstack.TestSystem;
import org.medicore.support.dynamodb.DynamoDbClients;
import org.medicore.support.erasure.StoredValueSearch;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GDPR art. 17 across the whole system: a patient with a login, appointments (one cancelled late, so billing charges
 * it; one ahead), an invoice, a lab report matched to them, messages sent and audit records; an administrator records
 * their erasure and another approves it. Then every store is searched for their family name, e-mail and birth date:
 * every PostgreSQL database of the stack (the services', the audit trail's, Keycloak's), every DynamoDB table, every
 * version of every object in the object store (a PDF by its text) and the services' log files. Before the erasure
 * the same search must find them in each kind of store, so the search is known to look where they were.
 * <p>
 * Not searched: Kafka's topics (events keep what they carried until the topic's retention deletes them; the note of
 * issue 27 says how long) and the mailbox the messages went to (the patient's own).
 */
class ErasureEverywhereTest {

    private static final String BIRTH_DATE = "1977-08-23";
    private static final Duration ERASED_WITHIN = Duration.ofMinutes(3);

    private final String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36).replaceAll("\\d", "x");
    private final String family = "Erasmus" + run;
    private final String login = "erika-" + run;
    private final String email = login + "@medicore.local";
    private final List<String> personal = List.of(family, email, BIRTH_DATE, "23.08.1977", "08/23/1977");

    @Test
    void an_approved_erasure_leaves_no_name_email_or_birth_date_in_any_store() throws Exception {
        TestSystem system = TestSystem.get();
        KeycloakServer keycloak = system.keycloak();
        keycloak.addUser(login, "PATIENT");
        keycloak.addUser("erasure-approver", "ADMIN");
        List<ManagedChannel> channels = new ArrayList<>();
        try (DynamoDbClient dynamo = dynamo(); S3Client s3 = s3()) {
            ManagedChannel patients = channel(system.patientTarget(), channels);
            ManagedChannel appointments = channel(system.appointmentTarget(), channels);
            ManagedChannel billing = channel(system.billingTarget(), channels);
            ManagedChannel lab = channel(system.labTarget(), channels);

            String patientId = as(login, keycloak, PatientServiceGrpc.newBlockingStub(patients)).registerPatient(
                    RegisterPatientRequest.newBuilder().setName(PersonName.newBuilder().setGiven("Erika").setFamily(family))
                            .setDateOfBirth(Date.newBuilder().setYear(1977).setMonth(8).setDay(23))
                            .setContact(ContactDetails.newBuilder().setEmail(email)).setRegisteredAtClinicId("main").build())
                    .getPatient().getId();
            String practitionerId = Clinic.newPractitioner(as("admin", keycloak, AppointmentServiceGrpc.newBlockingStub(appointments)),
                    "Eraser " + run, ZoneOffset.UTC, Clinic.SLOT_MINUTES, LocalTime.MIDNIGHT, LocalTime.of(23, 50));
            var asPatient = as(login, keycloak, AppointmentServiceGrpc.newBlockingStub(appointments));
            Instant soon = slotAfter(Duration.ofHours(2));
            Appointment late = asPatient.bookAppointment(booking(patientId, practitionerId, soon,
                    "Erika " + family + " asks for a lipid panel")).getAppointment();
            asPatient.cancelAppointment(CancelAppointmentRequest.newBuilder().setAppointmentId(late.getId())
                    .setExpectedVersion(late.getVersion()).setCancelledBy(CancellingParty.PATIENT)
                    .setReason("Erika " + family + " is travelling").build());
            asPatient.bookAppointment(booking(patientId, practitionerId, slotAfter(Duration.ofDays(3)),
                    "Follow-up for " + family));
            var invoices = as("admin", keycloak, BillingServiceGrpc.newBlockingStub(billing));
            await("billing's late-cancellation invoice", () -> invoices.listInvoicesByPatient(
                    ListInvoicesByPatientRequest.newBuilder().setPatientId(patientId).build()).getInvoicesCount() > 0);
            String reportId = uploadReport(as("admin", keycloak, LabServiceGrpc.newBlockingStub(lab)), patientId);
            var labReports = as("admin", keycloak, LabServiceGrpc.newBlockingStub(lab));
            await("the lab report matched and processed", () -> labReports.getReportStatus(
                    GetReportStatusRequest.newBuilder().setReportId(reportId).build()).getReport().getStatus() == LabReportStatus.PROCESSED);
            await("notification-service knowing the patient's address", () -> String.join(" ", placesHolding(email, dynamo, s3, system))
                    .contains("notifications."));

            List<String> before = placesHolding(family, dynamo, s3, system);
            assertThat(before).as("where the patient's family name was before the erasure").anyMatch(place -> place.startsWith("dynamodb:"))
                    .anyMatch(place -> place.startsWith("s3:")).anyMatch(place -> place.startsWith("appointments."));
            assertThat(placesHolding(email, dynamo, s3, system)).as("where the patient's e-mail was before the erasure")
                    .anyMatch(place -> place.startsWith(KeycloakServer.DATABASE + ".")).anyMatch(place -> place.startsWith("notifications."));

            ErasureRequest recorded = as("admin", keycloak, ErasureServiceGrpc.newBlockingStub(patients)).requestErasure(
                    RequestErasureRequest.newBuilder().setPatientId(patientId).setReason("asked at the front desk").build()).getRequest();
            ErasureRequest erased = as("erasure-approver", keycloak, ErasureServiceGrpc.newBlockingStub(patients)).approveErasureRequest(
                    ApproveErasureRequestRequest.newBuilder().setErasureRequestId(recorded.getId()).build()).getRequest();
            assertThat(erased.getState()).isEqualTo(ErasureState.ERASURE_DONE);

            Instant approved = Instant.now();
            Instant deadline = approved.plus(ERASED_WITHIN);
            List<String> left = leftAnywhere(dynamo, s3, system);
            while (!left.isEmpty() && Instant.now().isBefore(deadline)) {
                TimeUnit.SECONDS.sleep(2);
                left = leftAnywhere(dynamo, s3, system);
            }
            assertThat(left).as("the patient's name, e-mail or birth date %s after the erasure (before it: %s)", ERASED_WITHIN, before)
                    .isEmpty();
            System.out.printf("erasure: the family name was in %s; nothing of the patient in any store %.1f s after the approval%n",
                    before, Duration.between(approved, Instant.now()).toMillis() / 1000.0);
        } finally {
            channels.forEach(ManagedChannel::shutdownNow);
        }
    }

    private List<String> leftAnywhere(DynamoDbClient dynamo, S3Client s3, TestSystem system) {
        return personal.stream().flatMap(value -> placesHolding(value, dynamo, s3, system).stream().map(place -> value + " in " + place))
                .toList();
    }

    private static List<String> placesHolding(String value, DynamoDbClient dynamo, S3Client s3, TestSystem system) {
        List<String> places = new ArrayList<>();
        Stream.concat(LocalStack.SERVICE_DATABASES.stream(), Stream.of(AuditDatabase.NAME, KeycloakServer.DATABASE))
                .forEach(database -> StoredValueSearch.placesHolding(TestStack.postgres().jdbcUrl(database), value)
                        .forEach(column -> places.add(database + "." + column)));
        for (String table : dynamo.listTables().tableNames()) {
            dynamo.scanPaginator(ScanRequest.builder().tableName(table).build()).items().stream()
                    .filter(item -> holds(item, value)).findFirst()
                    .ifPresent(item -> places.add("dynamodb:" + table + " " + item.get(item.containsKey("pk") ? "pk" : "PK").s()));
        }
        for (Bucket bucket : s3.listBuckets().buckets()) {
            for (StoredObject object : objects(s3, bucket.name())) {
                ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(request -> request.bucket(bucket.name())
                        .key(object.key()).versionId(object.versionId()));
                if (text(bytes.asByteArray()).contains(value)) {
                    places.add("s3:" + bucket.name() + "/" + object.key() + (object.versionId() == null ? "" : "?versionId=" + object.versionId()));
                }
            }
        }
        try (Stream<Path> logs = Files.walk(system.logDirectory())) {
            logs.filter(Files::isRegularFile).filter(log -> read(log).contains(value)).forEach(log -> places.add("log:" + log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return places;
    }

    private record StoredObject(String key, String versionId) {
    }

    /**
     * Every version of every object where the store keeps versions (S3 with versioning, as the deployment's buckets);
     * the local store keeps one version per key and does not list versions, so there its objects are all there is.
     */
    private static List<StoredObject> objects(S3Client s3, String bucket) {
        try {
            return s3.listObjectVersionsPaginator(ListObjectVersionsRequest.builder().bucket(bucket).build()).versions().stream()
                    .map(version -> new StoredObject(version.key(), version.versionId())).toList();
        } catch (S3Exception notListed) {
            return s3.listObjectsV2Paginator(request -> request.bucket(bucket)).contents().stream()
                    .map(object -> new StoredObject(object.key(), null)).toList();
        }
    }

    private static boolean holds(Map<String, AttributeValue> item, String value) {
        return item.values().stream().anyMatch(attribute -> holds(attribute, value));
    }

    private static boolean holds(AttributeValue attribute, String value) {
        if (attribute.s() != null && attribute.s().contains(value)) {
            return true;
        }
        if (attribute.b() != null && attribute.b().asUtf8String().contains(value)) {
            return true;
        }
        return attribute.ss().stream().anyMatch(text -> text.contains(value))
                || attribute.l().stream().anyMatch(element -> holds(element, value))
                || holds(attribute.m(), value);
    }

    /** A PDF by the text a reader sees (its streams are compressed), anything else as UTF-8. */
    private static String text(byte[] bytes) {
        if (new String(bytes, 0, Math.min(5, bytes.length), StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            try (var pdf = Loader.loadPDF(bytes)) {
                return new PDFTextStripper().getText(pdf);
            } catch (IOException e) {
                return new String(bytes, StandardCharsets.ISO_8859_1);
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String read(Path log) {
        try {
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String uploadReport(LabServiceGrpc.LabServiceBlockingStub labService, String patientId) throws Exception {
        byte[] pdf = LabReportPdf.forPatient("Erika " + family, BIRTH_DATE, List.of(
                "Glucose: 98 mg/dL (70-99)", "Potassium: 5.9 mmol/L (3.5-5.1)"));
        RequestUploadUrlResponse upload = labService.requestUploadUrl(RequestUploadUrlRequest.newBuilder().setPatientId(patientId)
                .setFileName("panel-" + UUID.randomUUID() + ".pdf").setContentType("application/pdf").setSizeBytes(pdf.length).build());
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.getUploadUrl())).PUT(HttpRequest.BodyPublishers.ofByteArray(pdf));
        upload.getRequiredHeadersMap().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
                put.header(name, value);
            }
        });
        try (HttpClient http = HttpClient.newHttpClient()) {
            assertThat(http.send(put.build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        }
        labService.confirmUpload(ConfirmUploadRequest.newBuilder().setReportId(upload.getReportId()).build());
        return upload.getReportId();
    }

    /** A slot start at least {@code ahead} from now, on the 5-minute grid and outside the day's last five minutes. */
    private static Instant slotAfter(Duration ahead) {
        Instant start = Instant.now().plus(ahead).truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        return start.atZone(ZoneOffset.UTC).getHour() == 0 ? start.plus(10, ChronoUnit.MINUTES) : start;
    }

    private static BookAppointmentRequest booking(String patientId, String practitionerId, Instant start, String reason) {
        return BookAppointmentRequest.newBuilder().setIdempotencyKey(UUID.randomUUID().toString()).setPatientId(patientId)
                .setPractitionerId(practitionerId).setStart(Timestamp.newBuilder().setSeconds(start.getEpochSecond()))
                .setAppointmentType(AppointmentType.CONSULTATION).setReason(reason).build();
    }

    private static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!condition.get()) {
            assertThat(Instant.now()).as("waiting for %s", what).isBefore(deadline);
            TimeUnit.MILLISECONDS.sleep(500);
        }
    }

    private static <S extends AbstractStub<S>> S as(String user, KeycloakServer keycloak, S stub) {
        return stub.withDeadlineAfter(60, TimeUnit.SECONDS).withCallCredentials(BearerCredentials.of(keycloak.accessToken(user)));
    }

    private static ManagedChannel channel(String target, List<ManagedChannel> channels) {
        ManagedChannel channel = ManagedChannelBuilder.forTarget(target).usePlaintext().build();
        channels.add(channel);
        return channel;
    }

    private static DynamoDbClient dynamo() {
        return DynamoDbClients.create(DynamoDbServer.REGION, TestStack.dynamoDb().endpoint(), DynamoDbServer.ACCESS_KEY,
                DynamoDbServer.SECRET_KEY);
    }

    private static S3Client s3() {
        return S3Client.builder().endpointOverride(URI.create(TestStack.objectStore().endpoint())).region(Region.of(ObjectStore.REGION))
                .forcePathStyle(true).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(ObjectStore.ACCESS_KEY, ObjectStore.SECRET_KEY))).build();
    }
}
