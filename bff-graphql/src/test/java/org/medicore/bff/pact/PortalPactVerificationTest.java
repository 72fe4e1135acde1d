package org.medicore.bff.pact;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Consumer;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import com.google.protobuf.Timestamp;
import com.google.type.Date;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medicore.bff.support.Clinic;
import org.medicore.bff.support.Demo;
import org.medicore.bff.support.WholeSystemTest;
import org.medicore.contracts.appointment.v1.Appointment;
import org.medicore.contracts.appointment.v1.AppointmentTimeFilter;
import org.medicore.contracts.appointment.v1.BookAppointmentRequest;
import org.medicore.contracts.appointment.v1.CancelAppointmentRequest;
import org.medicore.contracts.appointment.v1.CancellingParty;
import org.medicore.contracts.appointment.v1.ListAppointmentsByPatientRequest;
import org.medicore.contracts.appointment.v1.ListFreeSlotsRequest;
import org.medicore.contracts.appointment.v1.Practitioner;
import org.medicore.contracts.billing.v1.Invoice;
import org.medicore.contracts.billing.v1.InvoiceStatus;
import org.medicore.contracts.billing.v1.ListInvoicesByPatientRequest;
import org.medicore.contracts.common.v1.AppointmentType;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.lab.v1.ConfirmUploadRequest;
import org.medicore.contracts.lab.v1.ListResultsByPatientRequest;
import org.medicore.contracts.lab.v1.RequestUploadUrlRequest;
import org.medicore.contracts.lab.v1.RequestUploadUrlResponse;
import org.medicore.contracts.patient.v1.GetPatientRequest;
import org.medicore.contracts.patient.v1.Patient;
import org.medicore.localstack.LabReportPdf;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The portal's pact with the BFF, verified over HTTP against the BFF in front of the whole
 * system. Each interaction names the demo user who sends it; its state hands Pact that user's
 * real Keycloak token (and subject), which the pact's request takes from the provider state, and
 * the other states set up their data through the services' own gRPC APIs, as that user where
 * the services care who acts.
 */
@Provider("bff-graphql")
@Consumer("web-portal")
@PactFolder("${medicore.pacts}")
class PortalPactVerificationTest extends WholeSystemTest {

    private static final Clinic CLINIC = new Clinic(SYSTEM);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Pattern SUBJECT = Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @AfterAll
    static void close() {
        CLINIC.close();
    }

    @BeforeEach
    void sendToTheBff(PactVerificationContext context) {
        context.setTarget(new HttpTestTarget("127.0.0.1", port));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void honoursEachInteraction(PactVerificationContext context) {
        context.verifyInteraction();
    }

    @State("a signed-in user")
    Map<String, Object> aSignedInUser(Map<String, Object> parameters) {
        String token = SYSTEM.keycloak().accessToken((String) parameters.get("user"));
        return Map.of("token", token, "subject", subjectOf(token));
    }

    @State("the signed-in patient's record")
    Map<String, Object> theSignedInPatientsRecord() {
        Patient record = CLINIC.patientsAsAdmin().getPatient(GetPatientRequest.newBuilder()
                .setPatientId(Demo.PATIENT_SUBJECT).build()).getPatient();
        return Map.of("version", String.valueOf(record.getVersion()));
    }

    @State("a practitioner who takes bookings")
    Map<String, Object> aPractitionerWhoTakesBookings() {
        Practitioner practitioner = CLINIC.aRoundTheClockPractitioner();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return Map.of("practitionerId", practitioner.getId(), "from", today.toString(), "to", today.plusDays(6).toString(),
                "start", instant(aSlotThePatientIsFreeAt(practitioner)).toString());
    }

    @State("the patient has an upcoming appointment")
    void anUpcomingAppointment() {
        bookASlotSoon();
    }

    /** A late cancellation: billing-service charges for it as soon as it reads the event. */
    @State("the patient has an open invoice")
    Map<String, Object> anOpenInvoice() {
        Appointment appointment = bookASlotSoon();
        CLINIC.appointmentsAs("patient").cancelAppointment(CancelAppointmentRequest.newBuilder()
                .setAppointmentId(appointment.getId()).setExpectedVersion(appointment.getVersion())
                .setCancelledBy(CancellingParty.PATIENT).setReason("feeling better").build());
        Invoice invoice = await().atMost(PATIENCE).until(() -> CLINIC.billingAs("billing")
                .listInvoicesByPatient(ListInvoicesByPatientRequest.newBuilder().setPatientId(appointment.getPatientId())
                        .addStatuses(InvoiceStatus.ISSUED).setPage(PageRequest.newBuilder().setPageSize(100)).build())
                .getInvoicesList().stream().filter(i -> i.getAppointmentId().equals(appointment.getId())).findFirst()
                .orElse(null), found -> found != null);
        return Map.of("patientId", invoice.getPatientId(), "invoiceId", invoice.getId(),
                "currency", invoice.getBalanceDue().getCurrency());
    }

    /** A report of the demo patient's, read: its results are there and its PDF may be handed out. */
    @State("the patient has lab results")
    Map<String, Object> labResults() throws Exception {
        byte[] pdf = LabReportPdf.withLines(List.of("Glucose: 98 mg/dL (70-99)", "Potassium: 5.9 mmol/L (3.5-5.1)"));
        var lab = CLINIC.labAs("patient");
        RequestUploadUrlResponse upload = lab.requestUploadUrl(RequestUploadUrlRequest.newBuilder()
                .setPatientId(Demo.PATIENT_SUBJECT).setFileName("labs.pdf").setContentType("application/pdf")
                .setSizeBytes(pdf.length).build());
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.getUploadUrl()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(pdf));
        upload.getRequiredHeadersMap().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("content-length")) {
                put.header(name, value);
            }
        });
        assertThat(HTTP.send(put.build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        lab.confirmUpload(ConfirmUploadRequest.newBuilder().setReportId(upload.getReportId()).build());
        await().atMost(PATIENCE).until(() -> lab.listResultsByPatient(ListResultsByPatientRequest.newBuilder()
                .setPatientId(Demo.PATIENT_SUBJECT).setReportId(upload.getReportId()).build()).getResultsCount() > 0);
        return Map.of("reportId", upload.getReportId());
    }

    /** analytics-service counts a booking from its event; the figures exist from then on. */
    @State("analytics has counted a booking")
    void aCountedBooking() {
        bookASlotSoon();
        await().atMost(PATIENCE).until(() -> analytics("/api/analytics/clinics/main/rolling-figures").contains("practitionerUtilisation")
                && analytics("/api/analytics/windows/CLINIC/main?lookback=PT1H").contains("windowKey"));
    }

    /** The demo patient books a slot of a new round-the-clock practitioner soon, as themself. */
    private static Appointment bookASlotSoon() {
        Practitioner practitioner = CLINIC.aRoundTheClockPractitioner();
        return CLINIC.appointmentsAs("patient").bookAppointment(BookAppointmentRequest.newBuilder()
                .setIdempotencyKey(UUID.randomUUID().toString()).setPatientId(Demo.PATIENT_SUBJECT)
                .setPractitionerId(practitioner.getId()).setStart(aSlotThePatientIsFreeAt(practitioner))
                .setAppointmentType(AppointmentType.CONSULTATION).setReason("check-up").build()).getAppointment();
    }

    /** The practitioner's first slot from now on that the demo patient is free at (a patient can't be in two places). */
    private static Timestamp aSlotThePatientIsFreeAt(Practitioner practitioner) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Appointment> booked = CLINIC.appointmentsAsAdmin().listAppointmentsByPatient(ListAppointmentsByPatientRequest.newBuilder()
                .setPatientId(Demo.PATIENT_SUBJECT).setTimeFilter(AppointmentTimeFilter.UPCOMING)
                .setPage(PageRequest.newBuilder().setPageSize(100)).build()).getAppointmentsList();
        return CLINIC.appointmentsAsAdmin().listFreeSlots(ListFreeSlotsRequest.newBuilder()
                        .setPractitionerId(practitioner.getId()).setFromDate(date(today)).setToDate(date(today.plusDays(1)))
                        .setAppointmentType(AppointmentType.CONSULTATION).build())
                .getSlotsList().stream()
                .filter(slot -> booked.stream().noneMatch(appointment -> instant(appointment.getStart()).isBefore(instant(slot.getEnd()))
                        && instant(slot.getStart()).isBefore(instant(appointment.getEnd()))))
                .findFirst().orElseThrow().getStart();
    }

    private static String analytics(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(SYSTEM.analyticsUrl() + path))
                .header("Authorization", "Bearer " + SYSTEM.keycloak().accessToken("admin")).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? response.body() : "";
    }

    private static String subjectOf(String token) {
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        Matcher subject = SUBJECT.matcher(claims);
        assertThat(subject.find()).isTrue();
        return subject.group(1);
    }

    private static Date date(LocalDate day) {
        return Date.newBuilder().setYear(day.getYear()).setMonth(day.getMonthValue()).setDay(day.getDayOfMonth()).build();
    }

    private static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }
}
