package org.medicore.fhir.system;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.medicore.fhir.support.R4CoreValidator;
import org.medicore.localstack.TestSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FHIR API in front of the real system: patient- and appointment-service from their jars on
 * PostgreSQL, Kafka and DynamoDB Local, the demo records, and the real Keycloak's tokens relayed to
 * them. What a FHIR scheduling app does: find a doctor, their schedule and free slots, book one,
 * cancel it; a patient's lab reports from lab-processor. Every body answered is validated against the R4 core profiles.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class FhirOverTheServicesTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final ZoneId CLINIC = ZoneId.of("Europe/Berlin");
    private static final Pattern SUBJECT = Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]+)\"");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void wholeSystem(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> system().keycloak().issuer());
        registry.add("medicore.fhir.services.patient", () -> system().patientTarget());
        registry.add("medicore.fhir.services.appointment", () -> system().appointmentTarget());
        registry.add("medicore.fhir.services.lab", () -> system().labTarget());
    }

    /** Started on first use (once per JVM), not when the class loads: a disabled run starts nothing. */
    private static TestSystem system() {
        return TestSystem.get().withDemoData();
    }

    @Test
    void a_patient_finds_a_doctor_books_a_free_slot_and_cancels_it_through_the_services() throws Exception {
        String token = system().keycloak().accessToken("patient");
        // the demo patient's record has the patient user's subject as its id
        String patientId = subject(token);

        Bundle roles = valid(get(token, "/fhir/PractitionerRole?specialty=" + URLEncoder.encode("General practice", StandardCharsets.UTF_8)),
                200, Bundle.class);
        PractitionerRole role = (PractitionerRole) roles.getEntryFirstRep().getResource();
        String doctor = role.getIdPart();
        assertThat(role.getAvailableTime()).isNotEmpty();
        Schedule schedule = valid(get(token, "/fhir/Schedule/" + doctor), 200, Schedule.class);
        assertThat(schedule.getComment()).contains("Mon 09:00-17:00");

        LocalDate tomorrow = LocalDate.now(CLINIC).plusDays(1);
        Bundle slots = valid(get(token, "/fhir/Slot?schedule=Schedule/" + doctor + "&start=ge" + tomorrow + "&start=le" + tomorrow.plusDays(7)),
                200, Bundle.class);
        assertThat(slots.getEntry()).isNotEmpty();
        Slot slot = (Slot) slots.getEntryFirstRep().getResource();

        String key = UUID.randomUUID().toString();
        HttpResponse<String> booking = post(token, "/fhir/Appointment", booking(patientId, doctor, slot), key);
        Appointment booked = valid(booking, 201, Appointment.class);
        assertThat(booked.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
        assertThat(booked.getStart()).isEqualTo(slot.getStart());
        assertThat(booked.getEnd()).isEqualTo(slot.getEnd());
        assertThat(valid(post(token, "/fhir/Appointment", booking(patientId, doctor, slot), key), 201, Appointment.class).getIdPart())
                .isEqualTo(booked.getIdPart());
        assertRefused(post(token, "/fhir/Appointment", booking(patientId, doctor, slot), UUID.randomUUID().toString()),
                422, OperationOutcome.IssueType.BUSINESSRULE);

        booked.setStatus(Appointment.AppointmentStatus.CANCELLED).setCancelationReason(new CodeableConcept().setText("travelling"));
        String version = "W/\"" + booked.getMeta().getVersionId() + "\"";
        Appointment cancelled = valid(put(token, "/fhir/Appointment/" + booked.getIdPart(), booked, version), 200, Appointment.class);
        assertThat(cancelled.getStatus()).isEqualTo(Appointment.AppointmentStatus.CANCELLED);
        assertThat(valid(get(token, "/fhir/Appointment/" + booked.getIdPart()), 200, Appointment.class).getStatus())
                .isEqualTo(Appointment.AppointmentStatus.CANCELLED);
        assertRefused(put(token, "/fhir/Appointment/" + booked.getIdPart(), booked, version), 412, OperationOutcome.IssueType.CONFLICT);
    }

    @Test
    void a_patient_searches_their_lab_reports_through_lab_processor_and_may_not_see_another_patients() throws Exception {
        String token = system().keycloak().accessToken("patient");

        Bundle reports = valid(get(token, "/fhir/DiagnosticReport?patient=Patient/" + subject(token)), 200, Bundle.class);

        assertThat(reports.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertRefused(get(token, "/fhir/DiagnosticReport?patient=" + UUID.randomUUID()), 403, OperationOutcome.IssueType.FORBIDDEN);
    }

    private static Appointment booking(String patientId, String doctor, Slot slot) {
        Appointment appointment = new Appointment();
        appointment.setStatus(Appointment.AppointmentStatus.BOOKED);
        appointment.setStart(slot.getStart()).setAppointmentType(slot.getAppointmentType()).setDescription("check-up");
        appointment.addParticipant().setActor(new Reference("Patient/" + patientId)).setStatus(Appointment.ParticipationStatus.ACCEPTED);
        appointment.addParticipant().setActor(new Reference("Practitioner/" + doctor)).setStatus(Appointment.ParticipationStatus.ACCEPTED);
        return appointment;
    }

    private HttpResponse<String> get(String token, String path) throws Exception {
        return http.send(request(token, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String token, String path, IBaseResource body, String idempotencyKey) throws Exception {
        return http.send(request(token, path).header("Content-Type", "application/fhir+json").header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(FHIR.newJsonParser().encodeResourceToString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String token, String path, IBaseResource body, String ifMatch) throws Exception {
        return http.send(request(token, path).header("Content-Type", "application/fhir+json").header("If-Match", ifMatch)
                .PUT(HttpRequest.BodyPublishers.ofString(FHIR.newJsonParser().encodeResourceToString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String token, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/fhir+json");
    }

    private static <T extends IBaseResource> T valid(HttpResponse<String> answer, int status, Class<T> type) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        T resource = FHIR.newJsonParser().parseResource(type, answer.body());
        assertNoErrors(resource.fhirType(), answer.body());
        return resource;
    }

    private static void assertRefused(HttpResponse<String> answer, int status, OperationOutcome.IssueType code) {
        OperationOutcome outcome = valid(answer, status, OperationOutcome.class);
        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(code);
    }

    private static void assertNoErrors(String type, String json) {
        List<ValidationMessage> findings = R4CoreValidator.shared().findings(json);
        R4CoreValidator.record(type, findings);
        assertThat(findings.stream().filter(R4CoreValidator::isError).map(R4CoreValidator::describe).toList()).isEmpty();
    }

    private static String subject(String token) {
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        Matcher subject = SUBJECT.matcher(claims);
        assertThat(subject.find()).as(claims).isTrue();
        return subject.group(1);
    }
}
