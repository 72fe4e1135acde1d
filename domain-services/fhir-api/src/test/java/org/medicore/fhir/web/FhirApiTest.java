package org.medicore.fhir.web;

import ca.uhn.fhir.context.FhirContext;
import io.grpc.Status;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.ResourceType;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.medicore.fhir.support.AuditTrailOnPostgres;
import org.medicore.fhir.support.Clinic;
import org.medicore.support.audit.AccessRecord;
import org.medicore.support.audit.Action;
import org.medicore.support.audit.AuditFilter;
import org.medicore.support.audit.AuditTrailReader;
import org.medicore.support.audit.RecordedAccess;
import org.medicore.support.audit.Outcome;
import org.medicore.support.audit.PostgresAuditTrail;
import org.hl7.fhir.r4.model.AuditEvent;
import org.medicore.fhir.support.FilesInMemory;
import org.medicore.fhir.support.R4CoreValidator;
import org.medicore.fhir.support.RecordsOnFile;
import org.medicore.fhir.records.Caller;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.jayway.jsonpath.JsonPath;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.fhir.web.FhirCalls.admin;
import static org.medicore.fhir.web.FhirCalls.alice;
import static org.medicore.fhir.web.FhirCalls.assertNoErrors;
import static org.medicore.fhir.web.FhirCalls.assertRefused;
import static org.medicore.fhir.web.FhirCalls.doctor;
import static org.medicore.fhir.web.FhirCalls.valid;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The FHIR API over HTTP with the services faked behind their port ({@link RecordsOnFile}): the
 * security, the mapping, paging, errors as OperationOutcomes, and every body it answers validated
 * against the R4 core profiles.
 */
@WebMvcTest
@Import({SecurityConfiguration.class, WebConfiguration.class, ExportConfiguration.class, ImportConfiguration.class, ExportFilesInMemory.class,
        AuditTrailOnPostgres.class,
        FhirApiTest.Services.class})
class FhirApiTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final String BOB = "2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b";
    private static final String CARL = "3f4a5b6c-7d8e-4f9a-0b1c-2d3e4f5a6b7c";
    private static final String REFUSED_REPORT = "8e2f3a4b-5c6d-4e7f-9a8b-0c1d2e3f4a51";

    @TestConfiguration
    static class Services {
        @Bean
        RecordsOnFile records() {
            return new RecordsOnFile()
                    .with(Clinic.alice().build(), Clinic.aPatient(BOB, "Bob", "Smithers").setKeycloakSubject("bob-subject").build(),
                            Clinic.aPatient(CARL, "Carl", "Smirnov").build())
                    .with(Clinic.haemoglobin().build(), Clinic.aQualitativeResult().build())
                    .with(Clinic.aProcessedReport().build(), Clinic.aProcessedReport().setId(REFUSED_REPORT).setPatientId(CARL)
                            .setStatus(org.medicore.contracts.lab.v1.LabReportStatus.REJECTED).setResultCount(0)
                            .setRejectionDetail("not a lab report").build())
                    .with(Clinic.diabetes().build(), Clinic.penicillinAllergy().build(), Clinic.metformin().build(), Clinic.aNote().build())
                    .with(Clinic.aBooking().build(), Clinic.aCancelledFollowUp().build())
                    .with(Clinic.drNovak().build())
                    .with(Clinic.alicesAccount().build())
                    .with(Clinic.aPartlyPaidInvoice().build(), Clinic.aVoidNoShowInvoice().build())
                    .with(Clinic.drNovaksHours().build())
                    .with(Clinic.aFreeSlot("2026-04-06T06:00:00Z").build(), Clinic.aFreeSlot("2026-04-06T06:20:00Z").build(),
                            Clinic.aFreeSlot("2026-04-10T06:00:00Z").build());
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    RecordsOnFile records;
    @Autowired
    PostgresAuditTrail auditTrail;
    @Autowired
    AuditTrailReader auditTrailReader;
    @Autowired
    FilesInMemory exportFiles;
    @Autowired
    ExecutorService bulkExportRunner;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void a_patient_reads_their_own_record_with_their_token_relayed() throws Exception {
        MvcResult answer = mvc.perform(get("/fhir/Patient/" + Clinic.ALICE).with(alice())).andReturn();

        assertThat(answer.getResponse().getStatus()).isEqualTo(200);
        assertThat(answer.getResponse().getContentType()).startsWith("application/fhir+json");
        org.hl7.fhir.r4.model.Patient patient = valid(answer, org.hl7.fhir.r4.model.Patient.class);
        assertThat(patient.getNameFirstRep().getFamily()).isEqualTo("Smith");
        assertThat(records.callers()).last().extracting(Caller::bearerToken).isEqualTo("alice-token");
    }

    @Test
    void a_patient_is_searched_by_name_in_pages_followed_by_their_next_links() throws Exception {
        Bundle first = valid(mvc.perform(get("/fhir/Patient").param("name", "Smi").param("_count", "2").with(doctor())).andReturn(), Bundle.class);

        assertThat(first.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(first.getTotal()).isEqualTo(3);
        assertThat(first.getEntry()).hasSize(2);
        assertThat(first.getEntryFirstRep().getFullUrl()).isEqualTo("http://localhost/fhir/Patient/" + Clinic.ALICE);
        String next = first.getLink("next").getUrl();
        assertThat(next).contains("name=Smi").contains("_count=2").contains("_page_token=");

        Bundle second = valid(mvc.perform(get(next).with(doctor())).andReturn(), Bundle.class);
        assertThat(second.getEntry()).hasSize(1);
        assertThat(second.getLink("next")).isNull();
    }

    @Test
    void a_patient_is_searched_by_birthdate() throws Exception {
        Bundle found = valid(mvc.perform(get("/fhir/Patient").param("birthdate", "1985-03-14").with(doctor())).andReturn(), Bundle.class);

        assertThat(found.getEntry()).extracting(entry -> entry.getResource().getIdPart()).containsExactly(Clinic.ALICE);
    }

    @Test
    void a_partner_finds_a_patient_by_medicores_identifier() throws Exception {
        Bundle found = valid(mvc.perform(get("/fhir/Patient").param("identifier", "urn:ietf:rfc:3986|urn:uuid:" + Clinic.ALICE)
                .with(doctor())).andReturn(), Bundle.class);
        Bundle none = valid(mvc.perform(get("/fhir/Patient").param("identifier", "urn:ietf:rfc:3986|urn:uuid:" + CARL.replace('3', '9'))
                .with(doctor())).andReturn(), Bundle.class);

        assertThat(found.getEntry()).extracting(entry -> entry.getResource().getIdPart()).containsExactly(Clinic.ALICE);
        assertThat(none.getEntry()).isEmpty();
        assertThat(none.getTotal()).isZero();
    }

    @Test
    void a_search_the_services_cannot_run_is_refused_as_invalid_naming_the_parameter() throws Exception {
        assertRefused(mvc.perform(get("/fhir/Patient").param("birthdate", "ge1985-03-14").with(doctor())).andReturn(),
                400, OperationOutcome.IssueType.INVALID, "birthdate");
        assertRefused(mvc.perform(get("/fhir/Patient").param("name", "S").with(doctor())).andReturn(),
                400, OperationOutcome.IssueType.INVALID, "name");
        assertRefused(mvc.perform(get("/fhir/Patient").param("address", "Berlin").with(doctor())).andReturn(),
                400, OperationOutcome.IssueType.INVALID, "address");
        assertRefused(mvc.perform(get("/fhir/Patient").param("name", "Smith").param("_count", "1000").with(doctor())).andReturn(),
                400, OperationOutcome.IssueType.INVALID, "_count");
        assertRefused(mvc.perform(get("/fhir/Observation").with(doctor())).andReturn(),
                400, OperationOutcome.IssueType.INVALID, "patient");
        assertRefused(mvc.perform(get("/fhir/Appointment").param("patient", Clinic.ALICE).param("date", "2026-13-01").with(doctor()))
                .andReturn(), 400, OperationOutcome.IssueType.INVALID, "date");
    }

    @Test
    void an_unknown_patient_is_not_found_and_another_patients_record_is_forbidden() throws Exception {
        assertRefused(mvc.perform(get("/fhir/Patient/" + CARL.replace('3', '9')).with(doctor())).andReturn(),
                404, OperationOutcome.IssueType.NOTFOUND, null);
        assertRefused(mvc.perform(get("/fhir/Patient/" + BOB).with(alice())).andReturn(),
                403, OperationOutcome.IssueType.FORBIDDEN, null);
        assertRefused(mvc.perform(get("/fhir/Patient/" + BOB + "/$everything").with(alice())).andReturn(),
                403, OperationOutcome.IssueType.FORBIDDEN, null);
    }

    @Test
    void without_a_token_or_without_a_medicore_role_nothing_is_served_but_the_capability_statement() throws Exception {
        assertRefused(mvc.perform(get("/fhir/Patient/" + Clinic.ALICE)).andReturn(), 401, OperationOutcome.IssueType.LOGIN, null);
        assertRefused(mvc.perform(get("/fhir/Patient/" + Clinic.ALICE).with(jwt().jwt(token -> token.subject("stranger"))))
                .andReturn(), 403, OperationOutcome.IssueType.FORBIDDEN, null);
        assertThat(mvc.perform(get("/fhir/metadata")).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void what_is_not_served_is_answered_as_not_supported_never_with_a_stack_trace() throws Exception {
        assertRefused(mvc.perform(get("/fhir/Encounter/1").with(doctor())).andReturn(), 404, OperationOutcome.IssueType.NOTSUPPORTED, null);
        assertRefused(mvc.perform(post("/fhir/Patient").with(doctor())).andReturn(), 405, OperationOutcome.IssueType.NOTSUPPORTED, null);
    }

    @Test
    void a_service_that_does_not_answer_is_a_transient_failure_and_one_that_fails_an_exception() throws Exception {
        try {
            records.failWith(Status.UNAVAILABLE.withDescription("connection refused: 127.0.0.1:9091"));
            MvcResult unavailable = mvc.perform(get("/fhir/Patient/" + Clinic.ALICE).with(alice())).andReturn();
            records.failWith(Status.INTERNAL.withDescription("NullPointerException in DynamoPatients"));
            MvcResult failed = mvc.perform(get("/fhir/Patient/" + Clinic.ALICE).with(alice())).andReturn();

            assertRefused(unavailable, 503, OperationOutcome.IssueType.TRANSIENT, null);
            assertThat(unavailable.getResponse().getContentAsString()).doesNotContain("9091");
            assertRefused(failed, 500, OperationOutcome.IssueType.EXCEPTION, null);
            assertThat(failed.getResponse().getContentAsString()).doesNotContain("Dynamo");
        } finally {
            records.failWith(Status.OK);
        }
    }

    @Test
    void lab_results_are_searched_as_laboratory_observations_by_patient_and_loinc_code() throws Exception {
        Bundle all = valid(mvc.perform(get("/fhir/Observation").param("patient", "Patient/" + Clinic.ALICE).with(alice())).andReturn(), Bundle.class);
        Bundle haemoglobin = valid(mvc.perform(get("/fhir/Observation").param("patient", Clinic.ALICE)
                .param("code", "http://loinc.org|718-7").with(alice())).andReturn(), Bundle.class);

        assertThat(all.getEntry()).hasSize(2);
        assertThat(haemoglobin.getEntry()).hasSize(1);
        assertThat(haemoglobin.getEntryFirstRep().getResource().getResourceType()).isEqualTo(ResourceType.Observation);
    }

    @Test
    void lab_reports_are_read_and_searched_as_diagnostic_reports_with_their_results() throws Exception {
        String reportId = Clinic.aProcessedReport().getId();
        org.hl7.fhir.r4.model.DiagnosticReport report = valid(mvc.perform(get("/fhir/DiagnosticReport/" + reportId).with(alice()))
                .andReturn(), org.hl7.fhir.r4.model.DiagnosticReport.class);
        Bundle found = valid(mvc.perform(get("/fhir/DiagnosticReport").param("patient", Clinic.ALICE).with(alice())).andReturn(), Bundle.class);

        assertThat(report.getResult()).extracting(org.hl7.fhir.r4.model.Reference::getReference)
                .containsExactly("Observation/" + Clinic.haemoglobin().getId());
        assertThat(found.getEntry()).extracting(entry -> entry.getResource().getIdPart()).containsExactly(reportId);
        assertRefused(mvc.perform(get("/fhir/DiagnosticReport").param("patient", BOB).with(alice())).andReturn(),
                403, OperationOutcome.IssueType.FORBIDDEN, null);
    }

    @Test
    void a_lab_reports_pdf_is_its_binary_as_fhir_json_and_otherwise_the_file_itself_through_a_short_lived_link() throws Exception {
        String reportId = Clinic.aProcessedReport().getId();
        org.hl7.fhir.r4.model.DiagnosticReport report = valid(mvc.perform(get("/fhir/DiagnosticReport/" + reportId).with(alice()))
                .andReturn(), org.hl7.fhir.r4.model.DiagnosticReport.class);
        assertThat(report.getPresentedFormFirstRep().getUrl()).isEqualTo("Binary/" + reportId);

        org.hl7.fhir.r4.model.Binary binary = valid(mvc.perform(get("/fhir/" + report.getPresentedFormFirstRep().getUrl())
                .accept("application/fhir+json").with(alice())).andReturn(), org.hl7.fhir.r4.model.Binary.class);
        assertThat(binary.getContentType()).isEqualTo("application/pdf");
        assertThat(binary.getData()).isEqualTo(RecordsOnFile.pdfOf(reportId));
        assertThat(binary.getSecurityContext().getReference()).isEqualTo("DiagnosticReport/" + reportId);
        for (String accept : List.of("application/pdf", "*/*")) {
            MvcResult file = mvc.perform(get("/fhir/Binary/" + reportId).accept(accept).with(alice())).andReturn();
            assertThat(file.getResponse().getStatus()).as(accept).isEqualTo(303);
            assertThat(file.getResponse().getHeader("Location")).isEqualTo("memory:lab-reports/" + reportId);
            assertThat(file.getResponse().getHeader("Cache-Control")).contains("no-store");
        }
    }

    @Test
    void a_lab_reports_pdf_is_refused_as_lab_processor_refuses_it() throws Exception {
        RequestPostProcessor bob = jwt().jwt(token -> token.tokenValue("bob-token").subject("bob-subject")
                        .claim("realm_access", Map.of("roles", List.of("PATIENT"))))
                .authorities(new SimpleGrantedAuthority("ROLE_PATIENT"));

        assertRefused(mvc.perform(get("/fhir/Binary/" + Clinic.aProcessedReport().getId()).accept("application/pdf").with(bob))
                .andReturn(), 403, OperationOutcome.IssueType.FORBIDDEN, null);
        assertRefused(mvc.perform(get("/fhir/Binary/" + REFUSED_REPORT).accept("application/fhir+json").with(doctor()))
                .andReturn(), 422, OperationOutcome.IssueType.BUSINESSRULE, null);
        assertRefused(mvc.perform(get("/fhir/Binary/" + REFUSED_REPORT.replace('8', '9')).with(doctor())).andReturn(),
                404, OperationOutcome.IssueType.NOTFOUND, null);
    }

    @Test
    void appointments_are_read_and_searched_by_patient_and_days() throws Exception {
        valid(mvc.perform(get("/fhir/Appointment/" + Clinic.aBooking().getId()).with(alice())).andReturn(),
                org.hl7.fhir.r4.model.Appointment.class);
        Bundle onTheDay = valid(mvc.perform(get("/fhir/Appointment").param("patient", Clinic.ALICE)
                .param("date", "ge2026-04-02").param("date", "lt2026-04-03").with(alice())).andReturn(), Bundle.class);
        Bundle before = valid(mvc.perform(get("/fhir/Appointment").param("patient", Clinic.ALICE)
                .param("date", "lt2026-04-01").with(alice())).andReturn(), Bundle.class);

        assertThat(onTheDay.getEntry()).hasSize(2);
        assertThat(before.getEntry()).isEmpty();
    }

    @Test
    void conditions_allergies_and_medications_are_searched_by_patient() throws Exception {
        for (String type : List.of("Condition", "AllergyIntolerance", "MedicationStatement")) {
            Bundle found = valid(mvc.perform(get("/fhir/" + type).param("patient", Clinic.ALICE).with(alice())).andReturn(), Bundle.class);
            assertThat(found.getEntry()).extracting(entry -> entry.getResource().fhirType()).containsExactly(type);
        }
    }

    @Test
    void everything_is_the_patients_whole_record_in_one_bundle() throws Exception {
        Bundle record = valid(mvc.perform(get("/fhir/Patient/" + Clinic.ALICE + "/$everything").with(alice())).andReturn(), Bundle.class);

        assertThat(record.getEntry()).extracting(entry -> entry.getResource().fhirType()).containsExactly(
                "Patient", "Condition", "AllergyIntolerance", "MedicationStatement", "Observation", "Observation",
                "DiagnosticReport", "Appointment", "Appointment", "Practitioner", "Account", "Invoice", "Invoice");
        assertThat(record.getTotal()).isEqualTo(13);
    }

    @Test
    void a_doctors_copy_of_the_record_says_that_the_bills_are_left_out() throws Exception {
        Bundle record = valid(mvc.perform(get("/fhir/Patient/" + Clinic.ALICE + "/$everything").with(doctor())).andReturn(), Bundle.class);

        assertThat(record.getEntry()).extracting(entry -> entry.getResource().fhirType())
                .doesNotContain("Account", "Invoice").endsWith("Practitioner", "OperationOutcome");
        Bundle.BundleEntryComponent note = record.getEntry().get(record.getEntry().size() - 1);
        assertThat(note.getSearch().getMode()).isEqualTo(Bundle.SearchEntryMode.OUTCOME);
        assertThat(note.getFullUrl()).startsWith("urn:uuid:");
        OperationOutcome.OperationOutcomeIssueComponent issue = ((OperationOutcome) note.getResource()).getIssueFirstRep();
        assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.SUPPRESSED);
        assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.INFORMATION);
        assertThat(issue.getDiagnostics()).contains("Account and Invoice", Clinic.ALICE);
        assertThat(record.getTotal()).isEqualTo(10);
    }

    @Test
    void a_free_slot_is_found_on_the_practitioners_schedule_and_booked_once_per_idempotency_key() throws Exception {
        Bundle monday = valid(mvc.perform(get("/fhir/Slot").param("schedule", "Schedule/" + Clinic.DR_NOVAK)
                .param("start", "ge2026-04-06").param("start", "lt2026-04-07").with(doctor())).andReturn(), Bundle.class);
        assertThat(monday.getEntry()).hasSize(2);
        org.hl7.fhir.r4.model.Slot slot = (org.hl7.fhir.r4.model.Slot) monday.getEntryFirstRep().getResource();

        String booking = FHIR.newJsonParser().encodeResourceToString(appointmentFor(BOB, slot));
        MvcResult booked = mvc.perform(post("/fhir/Appointment").contentType("application/fhir+json").content(booking)
                .header("Idempotency-Key", "bob-monday").with(doctor())).andReturn();
        MvcResult retried = mvc.perform(post("/fhir/Appointment").contentType("application/fhir+json").content(booking)
                .header("Idempotency-Key", "bob-monday").with(doctor())).andReturn();

        org.hl7.fhir.r4.model.Appointment appointment = valid(booked, 201, org.hl7.fhir.r4.model.Appointment.class);
        assertThat(appointment.getStatus()).isEqualTo(org.hl7.fhir.r4.model.Appointment.AppointmentStatus.BOOKED);
        assertThat(appointment.getEnd()).isEqualTo(slot.getEnd());
        assertThat(booked.getResponse().getHeader("Location")).endsWith("/fhir/Appointment/" + appointment.getIdPart() + "/_history/1");
        assertThat(valid(retried, 201, org.hl7.fhir.r4.model.Appointment.class).getIdPart()).isEqualTo(appointment.getIdPart());
        assertThat(records.callers()).last().extracting(Caller::bearerToken).isEqualTo("doctor-token");
        Bundle left = valid(mvc.perform(get("/fhir/Slot").param("schedule", Clinic.DR_NOVAK).param("start", "2026-04-06")
                .with(doctor())).andReturn(), Bundle.class);
        assertThat(left.getEntry()).hasSize(1);
    }

    @Test
    void a_booking_the_clinic_cannot_make_is_refused_with_its_reason() throws Exception {
        org.hl7.fhir.r4.model.Slot taken = new org.hl7.fhir.r4.model.Slot();
        taken.setStart(java.util.Date.from(java.time.Instant.parse("2026-04-06T05:00:00Z")));
        org.hl7.fhir.r4.model.Appointment withoutStart = appointmentFor(BOB, taken).setStartElement(new org.hl7.fhir.r4.model.InstantType());

        assertRefused(mvc.perform(post("/fhir/Appointment").contentType("application/fhir+json")
                        .content(FHIR.newJsonParser().encodeResourceToString(appointmentFor(BOB, taken))).with(doctor())).andReturn(),
                422, OperationOutcome.IssueType.BUSINESSRULE, null);
        assertRefused(mvc.perform(post("/fhir/Appointment").contentType("application/fhir+json")
                        .content(FHIR.newJsonParser().encodeResourceToString(withoutStart)).with(doctor())).andReturn(),
                400, OperationOutcome.IssueType.INVALID, "Appointment.start");
        assertRefused(mvc.perform(post("/fhir/Appointment").contentType("application/fhir+json")
                        .content("{\"resourceType\":\"Patient\"}").with(doctor())).andReturn(),
                400, OperationOutcome.IssueType.STRUCTURE, null);
        assertRefused(mvc.perform(get("/fhir/Slot").param("schedule", Clinic.DR_NOVAK).param("appointment-type", "URGENT")
                .with(doctor())).andReturn(), 400, OperationOutcome.IssueType.INVALID, "appointment-type");
    }

    @Test
    void an_appointment_is_cancelled_by_an_update_to_status_cancelled_of_the_version_read() throws Exception {
        Bundle friday = valid(mvc.perform(get("/fhir/Slot").param("schedule", Clinic.DR_NOVAK).param("start", "2026-04-10")
                .with(doctor())).andReturn(), Bundle.class);
        org.hl7.fhir.r4.model.Appointment booked = valid(mvc.perform(post("/fhir/Appointment").contentType("application/fhir+json")
                .content(FHIR.newJsonParser().encodeResourceToString(appointmentFor(BOB,
                        (org.hl7.fhir.r4.model.Slot) friday.getEntryFirstRep().getResource()))).with(doctor())).andReturn(),
                201, org.hl7.fhir.r4.model.Appointment.class);
        booked.setStatus(org.hl7.fhir.r4.model.Appointment.AppointmentStatus.CANCELLED)
                .setCancelationReason(new org.hl7.fhir.r4.model.CodeableConcept().setText("patient is travelling"));
        String cancellation = FHIR.newJsonParser().encodeResourceToString(booked);

        MvcResult cancelled = mvc.perform(put("/fhir/Appointment/" + booked.getIdPart()).contentType("application/fhir+json")
                .content(cancellation).header("If-Match", "W/\"1\"").with(doctor())).andReturn();
        MvcResult stale = mvc.perform(put("/fhir/Appointment/" + booked.getIdPart()).contentType("application/fhir+json")
                .content(cancellation).header("If-Match", "W/\"1\"").with(doctor())).andReturn();

        org.hl7.fhir.r4.model.Appointment answer = valid(cancelled, 200, org.hl7.fhir.r4.model.Appointment.class);
        assertThat(answer.getStatus()).isEqualTo(org.hl7.fhir.r4.model.Appointment.AppointmentStatus.CANCELLED);
        assertThat(answer.getCancelationReason().getText()).isEqualTo("patient is travelling");
        assertThat(cancelled.getResponse().getHeader("ETag")).isEqualTo("W/\"2\"");
        assertRefused(stale, 412, OperationOutcome.IssueType.CONFLICT, null);
        booked.setStatus(org.hl7.fhir.r4.model.Appointment.AppointmentStatus.FULFILLED);
        assertRefused(mvc.perform(put("/fhir/Appointment/" + booked.getIdPart()).contentType("application/fhir+json")
                        .content(FHIR.newJsonParser().encodeResourceToString(booked)).with(doctor())).andReturn(),
                400, OperationOutcome.IssueType.INVALID, "Appointment.status");
    }

    @Test
    void a_practitioners_schedule_and_role_show_their_working_week() throws Exception {
        org.hl7.fhir.r4.model.Schedule schedule = valid(mvc.perform(get("/fhir/Schedule/" + Clinic.DR_NOVAK).with(alice())).andReturn(),
                org.hl7.fhir.r4.model.Schedule.class);
        Bundle byActor = valid(mvc.perform(get("/fhir/Schedule").param("actor", "Practitioner/" + Clinic.DR_NOVAK).with(alice()))
                .andReturn(), Bundle.class);
        org.hl7.fhir.r4.model.PractitionerRole role = valid(mvc.perform(get("/fhir/PractitionerRole/" + Clinic.DR_NOVAK).with(alice()))
                .andReturn(), org.hl7.fhir.r4.model.PractitionerRole.class);
        Bundle bySpecialty = valid(mvc.perform(get("/fhir/PractitionerRole").param("specialty", "General practice").with(alice()))
                .andReturn(), Bundle.class);

        assertThat(schedule.getComment()).isEqualTo("Mon 08:00-12:00, 13:00-17:00; Fri 08:00-12:00 (Europe/Berlin)");
        assertThat(byActor.getEntry()).hasSize(1);
        assertThat(role.getAvailableTime()).hasSize(3);
        assertThat(role.getAvailableTimeFirstRep().getAvailableStartTime()).isEqualTo("08:00:00");
        assertThat(bySpecialty.getEntry()).extracting(entry -> entry.getResource().getIdPart()).containsExactly(Clinic.DR_NOVAK);
    }

    @Test
    void an_admin_reads_the_audit_trail_as_audit_events_by_patient_and_day_in_pages_followed_by_next_links() throws Exception {
        String patient = UUID.randomUUID().toString();
        String appointment = UUID.randomUUID().toString();
        Instant now = Instant.now();
        auditTrail.record(new AccessRecord(now, "doctor-subject", List.of("DOCTOR", "offline_access"), "medicore-portal",
                "medicore.patient.v1.PatientService", "GetPatient", Action.READ, "Patient", List.of(patient), List.of(patient),
                List.of(), "10.0.0.7", "192.0.2.10", Outcome.ALLOWED, "OK", "4bf92f3577b34da6a3ce929d0e0e4736"));
        auditTrail.record(new AccessRecord(now, "alice-subject", List.of("PATIENT"), "medicore-partner",
                "medicore.appointment.v1.AppointmentService", "BookAppointment", Action.CHANGE, "Appointment", List.of(appointment),
                List.of(patient), List.of("slot_start"), "10.0.0.8", "", Outcome.DENIED, "PERMISSION_DENIED", ""));
        auditTrail.record(new AccessRecord(now, "admin-subject", List.of("ADMIN"), "",
                "medicore.patient.v1.PatientService", "UpdateDemographics", Action.CHANGE, "Patient", List.of(patient),
                List.of(patient), List.of("name.family"), "10.0.0.9", "", Outcome.FAILED, "UNAVAILABLE", ""));

        Bundle first = valid(mvc.perform(get("/fhir/AuditEvent").param("patient", "Patient/" + patient).param("_count", "2")
                .with(admin())).andReturn(), Bundle.class);
        assertThat(first.getEntry()).extracting(entry -> ((AuditEvent) entry.getResource()).getSubtypeFirstRep().getDisplay())
                .containsExactly("UpdateDemographics", "BookAppointment");
        AuditEvent failedChange = (AuditEvent) first.getEntry().get(0).getResource();
        assertThat(failedChange.getAction()).isEqualTo(AuditEvent.AuditEventAction.U);
        assertThat(failedChange.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._8);
        AuditEvent refusedBooking = (AuditEvent) first.getEntry().get(1).getResource();
        assertThat(refusedBooking.getAction()).isEqualTo(AuditEvent.AuditEventAction.C);
        assertThat(refusedBooking.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
        assertThat(refusedBooking.getAgent()).extracting(agent -> agent.getWho().getIdentifier().getValue())
                .containsExactly("alice-subject", "medicore-partner");
        assertThat(refusedBooking.getEntity()).extracting(entity -> entity.getWhat().getReference())
                .containsExactly("Patient/" + patient, null);

        Bundle second = valid(mvc.perform(get(first.getLink("next").getUrl()).with(admin())).andReturn(), Bundle.class);
        assertThat(second.getLink("next")).isNull();
        AuditEvent read = (AuditEvent) second.getEntryFirstRep().getResource();
        assertThat(read.getType().getCode()).isEqualTo("110110");
        assertThat(read.getSubtypeFirstRep().getCode()).isEqualTo("medicore.patient.v1.PatientService/GetPatient");
        assertThat(read.getAction()).isEqualTo(AuditEvent.AuditEventAction.R);
        assertThat(read.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
        assertThat(read.getRecorded()).isCloseTo(java.util.Date.from(now), 1);
        AuditEvent.AuditEventAgentComponent doctor = read.getAgentFirstRep();
        assertThat(doctor.getRequestor()).isTrue();
        assertThat(doctor.getRole()).extracting(role -> role.getText()).containsExactly("DOCTOR", "offline_access");
        assertThat(doctor.getNetwork().getAddress()).isEqualTo("192.0.2.10");
        assertThat(read.getEntityFirstRep().getWhat().getReference()).isEqualTo("Patient/" + patient);

        AuditEvent again = valid(mvc.perform(get("/fhir/AuditEvent/" + read.getIdPart()).with(admin())).andReturn(), AuditEvent.class);
        assertThat(again.getSubtypeFirstRep().getCode()).isEqualTo(read.getSubtypeFirstRep().getCode());

        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        // the admin's own searches naming the patient are in the trail by now too, as FHIR interactions
        assertThat(valid(mvc.perform(get("/fhir/AuditEvent").param("entity", "Patient/" + patient)
                .param("date", "ge" + today.minusDays(1)).with(admin())).andReturn(), Bundle.class).getEntry())
                .extracting(entry -> ((AuditEvent) entry.getResource()).getSubtypeFirstRep().getDisplay())
                .containsExactly("search-type", "search-type", "UpdateDemographics", "BookAppointment", "GetPatient");
        assertThat(valid(mvc.perform(get("/fhir/AuditEvent").param("patient", patient).param("date", "lt2000-01-01")
                .with(admin())).andReturn(), Bundle.class).getEntry()).isEmpty();
    }

    @Test
    void only_admins_read_the_audit_trail_and_what_it_never_held_is_not_found() throws Exception {
        assertRefused(mvc.perform(get("/fhir/AuditEvent").with(doctor())).andReturn(), 403, OperationOutcome.IssueType.FORBIDDEN, null);
        assertRefused(mvc.perform(get("/fhir/AuditEvent/1").with(alice())).andReturn(), 403, OperationOutcome.IssueType.FORBIDDEN, null);
        assertRefused(mvc.perform(get("/fhir/AuditEvent/" + Long.MAX_VALUE).with(admin())).andReturn(), 404, OperationOutcome.IssueType.NOTFOUND, null);
        assertRefused(mvc.perform(get("/fhir/AuditEvent/not-a-position").with(admin())).andReturn(), 404, OperationOutcome.IssueType.NOTFOUND, null);
        assertRefused(mvc.perform(get("/fhir/AuditEvent").param("_page_token", "x").with(admin())).andReturn(), 400,
                OperationOutcome.IssueType.INVALID, "_page_token");
        assertRefused(mvc.perform(get("/fhir/AuditEvent").param("entity", "Appointment/1").with(admin())).andReturn(), 400,
                OperationOutcome.IssueType.INVALID, "entity");
        assertRefused(mvc.perform(get("/fhir/AuditEvent").param("agent", "x").with(admin())).andReturn(), 400,
                OperationOutcome.IssueType.INVALID, "agent");
    }

    @Test
    void every_fhir_interaction_is_in_the_audit_trail_as_fhir_names_it_allowed_or_refused() throws Exception {
        String partner = "partner-" + UUID.randomUUID();
        RequestPostProcessor asPartner = jwt().jwt(token -> token.tokenValue("partner-token").subject(partner)
                        .claim("azp", "medicore-partner").claim("realm_access", Map.of("roles", List.of("DOCTOR"))))
                .authorities(new SimpleGrantedAuthority("ROLE_DOCTOR"));
        mvc.perform(get("/fhir/Patient/" + Clinic.ALICE).with(asPartner));
        mvc.perform(get("/fhir/Observation").param("patient", "Patient/" + Clinic.ALICE).with(asPartner));
        mvc.perform(get("/fhir/Patient/" + Clinic.ALICE + "/$everything").with(asPartner));
        mvc.perform(get("/fhir/AuditEvent").with(asPartner));

        List<RecordedAccess> trail = auditTrailReader.page(new AuditFilter(null, partner, null, null), 10, null);
        assertThat(trail).extracting(access -> String.join(" ", access.service(), access.operation(), access.resourceType(),
                        access.action(), access.outcome(), access.status(), String.join(",", access.patientIds())))
                .containsExactly("FHIR R4 search-type AuditEvent READ DENIED 403 ",
                        "FHIR R4 $everything Patient READ ALLOWED 200 " + Clinic.ALICE,
                        "FHIR R4 search-type Observation READ ALLOWED 200 " + Clinic.ALICE,
                        "FHIR R4 read Patient READ ALLOWED 200 " + Clinic.ALICE);
        RecordedAccess read = trail.getLast();
        assertThat(read.roles()).containsExactly("DOCTOR");
        assertThat(read.clientId()).isEqualTo("medicore-partner");
        assertThat(read.clientAddress()).isEqualTo("127.0.0.1");
        assertThat(read.resourceIds()).containsExactly(Clinic.ALICE);

        AuditEvent event = valid(mvc.perform(get("/fhir/AuditEvent/" + read.position()).with(admin())).andReturn(), AuditEvent.class);
        assertThat(event.getSubtypeFirstRep().getSystem()).isEqualTo("http://hl7.org/fhir/restful-interaction");
        assertThat(event.getSubtypeFirstRep().getCode()).isEqualTo("read");
        assertThat(event.getAction()).isEqualTo(AuditEvent.AuditEventAction.R);

        String unknown = UUID.randomUUID().toString();
        mvc.perform(get("/fhir/Patient/" + unknown));
        assertThat(auditTrailReader.page(AuditFilter.ofPatient(unknown), 10, null)).singleElement().satisfies(access -> {
            assertThat(access.subject()).isEqualTo("anonymous");
            assertThat(access.outcome()).isEqualTo("DENIED");
            assertThat(access.status()).isEqualTo("401");
        });
    }

    @Test
    void the_capability_statement_says_exactly_what_is_served() throws Exception {
        CapabilityStatement statement = valid(mvc.perform(get("/fhir/metadata")).andReturn(), CapabilityStatement.class);

        Set<String> declared = new TreeSet<>();
        statement.getRestFirstRep().getResource().forEach(resource -> {
            resource.getInteraction().forEach(interaction -> declared.add(switch (interaction.getCode()) {
                case READ -> "GET /fhir/" + resource.getType() + "/{id}";
                case CREATE -> "POST /fhir/" + resource.getType();
                case UPDATE -> "PUT /fhir/" + resource.getType() + "/{id}";
                case SEARCHTYPE -> "GET /fhir/" + resource.getType();
                default -> "unexpected " + interaction.getCode();
            }));
            resource.getOperation().forEach(operation -> {
                if (operation.getName().equals("export")) {
                    declared.add("GET /fhir/" + resource.getType() + "/$export");
                    declared.add("POST /fhir/" + resource.getType() + "/$export");
                } else {
                    declared.add("GET /fhir/" + resource.getType() + "/{id}/$" + operation.getName());
                }
            });
        });
        statement.getRestFirstRep().getInteraction().forEach(interaction -> declared.add(
                interaction.getCode() == CapabilityStatement.SystemRestfulInteraction.TRANSACTION ? "POST /fhir" : "unexpected " + interaction.getCode()));
        statement.getRestFirstRep().getOperation().forEach(operation -> {
            declared.add("GET /fhir/$" + operation.getName());
            declared.add("POST /fhir/$" + operation.getName());
        });
        Set<String> served = mappings.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream()
                        .flatMap(pattern -> info.getMethodsCondition().getMethods().stream().map(method -> method + " " + pattern)))
                // the bulk export's status URL is the Bulk Data IG's, not a FHIR interaction
                .filter(route -> !route.endsWith("/metadata") && !route.contains("/.well-known/") && !route.contains("/bulk-export/"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(declared).isEqualTo(served);
    }

    @Test
    void a_smart_app_finds_where_to_sign_in_without_a_token() throws Exception {
        MvcResult answer = mvc.perform(get("/fhir/.well-known/smart-configuration")).andReturn();

        assertThat(answer.getResponse().getStatus()).isEqualTo(200);
        assertThat(answer.getResponse().getContentAsString())
                .contains("\"authorization_endpoint\":\"http://localhost:18080/realms/medicore/protocol/openid-connect/auth\"")
                .contains("\"code_challenge_methods_supported\":[\"S256\"]");
    }

    @Test
    void a_patient_reads_their_billing_account_and_invoices_which_a_doctor_may_not() throws Exception {
        Bundle accounts = valid(mvc.perform(get("/fhir/Account").param("patient", Clinic.ALICE).with(alice())).andReturn(), Bundle.class);
        Bundle invoices = valid(mvc.perform(get("/fhir/Invoice").param("patient", "Patient/" + Clinic.ALICE).param("_count", "1")
                .with(alice())).andReturn(), Bundle.class);
        org.hl7.fhir.r4.model.Invoice read = valid(mvc.perform(get("/fhir/Invoice/" + Clinic.aVoidNoShowInvoice().getId())
                .with(alice())).andReturn(), org.hl7.fhir.r4.model.Invoice.class);

        assertThat(accounts.getEntry()).extracting(entry -> entry.getResource().getIdPart())
                .containsExactly(Clinic.alicesAccount().getId());
        assertThat(invoices.getTotal()).isEqualTo(2);
        assertThat(invoices.getEntry()).extracting(entry -> entry.getResource().getIdPart())
                .containsExactly(Clinic.aPartlyPaidInvoice().getId());
        assertThat(invoices.getLink("next")).isNotNull();
        assertThat(read.getStatus()).isEqualTo(org.hl7.fhir.r4.model.Invoice.InvoiceStatus.CANCELLED);
        assertRefused(mvc.perform(get("/fhir/Invoice").param("patient", Clinic.ALICE).with(doctor())).andReturn(),
                403, OperationOutcome.IssueType.FORBIDDEN, null);
        assertRefused(mvc.perform(get("/fhir/Account").param("patient", Clinic.ALICE).param("status", "active").with(alice())).andReturn(),
                400, OperationOutcome.IssueType.INVALID, "status");
    }

    @Test
    void named_patients_are_exported_in_bulk_as_valid_ndjson_files_polled_until_done() throws Exception {
        CountDownLatch earlierExport = new CountDownLatch(1);
        bulkExportRunner.execute(() -> awaitQuietly(earlierExport));
        Parameters named = new Parameters();
        named.addParameter().setName("patient").setValue(new Reference("Patient/" + Clinic.ALICE));
        named.addParameter().setName("patient").setValue(new Reference("Patient/" + CARL));
        named.addParameter().setName("patient").setValue(new Reference("Patient/" + CARL.replace('3', '9')));
        named.addParameter().setName("_outputFormat").setValue(new org.hl7.fhir.r4.model.StringType("application/fhir+ndjson"));

        MvcResult kickOff = mvc.perform(post("/fhir/Patient/$export").header("Prefer", "respond-async")
                .contentType("application/fhir+json").content(FHIR.newJsonParser().encodeResourceToString(named)).with(doctor())).andReturn();
        assertThat(kickOff.getResponse().getStatus()).as(kickOff.getResponse().getContentAsString()).isEqualTo(202);
        String status = kickOff.getResponse().getHeader("Content-Location");
        assertThat(status).startsWith("http://localhost/fhir/bulk-export/");
        MvcResult queued = mvc.perform(get(status).with(doctor())).andReturn();
        assertThat(queued.getResponse().getStatus()).isEqualTo(202);
        assertThat(queued.getResponse().getHeader("X-Progress")).isEqualTo("0 of 3 patients");
        earlierExport.countDown();

        String manifest = finished(status, doctor());
        assertThat(JsonPath.<Boolean>read(manifest, "$.requiresAccessToken")).isFalse();
        assertThat(JsonPath.<String>read(manifest, "$.request")).isEqualTo("http://localhost/fhir/Patient/$export");
        assertThat(JsonPath.<List<String>>read(manifest, "$.output[*].type")).containsExactlyInAnyOrder("Patient", "Condition",
                "AllergyIntolerance", "MedicationStatement", "Observation", "DiagnosticReport", "Appointment", "Practitioner");
        assertThat(exported(manifest, "Patient")).extracting(line -> FHIR.newJsonParser().parseResource(line).getIdElement().getIdPart())
                .containsExactlyInAnyOrder(Clinic.ALICE, CARL);
        List<String> refusals = files(manifest, "$.error", "OperationOutcome");
        assertThat(refusals).filteredOn(refusal -> refusal.contains("not-found")).singleElement().asString().contains(CARL.replace('3', '9'));
        assertThat(refusals).filteredOn(refusal -> refusal.contains("suppressed")).hasSize(2)
                .anySatisfy(note -> assertThat(note).contains(Clinic.ALICE)).anySatisfy(note -> assertThat(note).contains(CARL));
    }

    @Test
    void a_patients_export_holds_their_billing_account_and_invoices() throws Exception {
        MvcResult kickOff = mvc.perform(get("/fhir/Patient/$export").param("patient", "Patient/" + Clinic.ALICE)
                .param("_type", "Account,Invoice").header("Prefer", "respond-async").with(alice())).andReturn();
        assertThat(kickOff.getResponse().getStatus()).as(kickOff.getResponse().getContentAsString()).isEqualTo(202);

        String manifest = finished(kickOff.getResponse().getHeader("Content-Location"), alice());

        assertThat(JsonPath.<List<String>>read(manifest, "$.output[*].type")).containsExactlyInAnyOrder("Account", "Invoice");
        assertThat(exported(manifest, "Invoice")).extracting(line -> FHIR.newJsonParser().parseResource(line).getIdElement().getIdPart())
                .containsExactlyInAnyOrder(Clinic.aPartlyPaidInvoice().getId(), Clinic.aVoidNoShowInvoice().getId());
        assertThat(JsonPath.<List<Object>>read(manifest, "$.error")).isEmpty();
    }

    @Test
    void an_export_holds_only_the_types_asked_for_changed_since_the_instant_given() throws Exception {
        MvcResult kickOff = mvc.perform(get("/fhir/Patient/$export").param("patient", "Patient/" + Clinic.ALICE)
                .param("_type", "Patient,Appointment").param("_since", "2026-03-10T00:00:00+01:00")
                .header("Prefer", "respond-async").with(alice())).andReturn();
        assertThat(kickOff.getResponse().getStatus()).as(kickOff.getResponse().getContentAsString()).isEqualTo(202);

        String manifest = finished(kickOff.getResponse().getHeader("Content-Location"), alice());

        assertThat(JsonPath.<List<String>>read(manifest, "$.output[*].type")).containsExactly("Appointment");
        assertThat(exported(manifest, "Appointment")).isNotEmpty()
                .allSatisfy(line -> assertThat(FHIR.newJsonParser().parseResource(org.hl7.fhir.r4.model.Appointment.class, line)
                        .getMeta().getLastUpdated().toInstant()).isAfter(Instant.parse("2026-03-09T23:00:00Z")));
    }

    @Test
    void an_export_the_api_cannot_run_as_asked_is_refused_before_it_starts() throws Exception {
        assertRefused(mvc.perform(get("/fhir/Patient/$export").param("patient", Clinic.ALICE).with(doctor())).andReturn(),
                400, OperationOutcome.IssueType.INVALID, "Prefer");
        assertRefused(mvc.perform(get("/fhir/Patient/$export").header("Prefer", "respond-async").with(doctor())).andReturn(),
                400, OperationOutcome.IssueType.INVALID, "patient");
        assertRefused(mvc.perform(get("/fhir/Patient/$export").param("patient", Clinic.ALICE).param("_type", "Claim")
                .header("Prefer", "respond-async").with(doctor())).andReturn(), 400, OperationOutcome.IssueType.INVALID, "_type");
        assertRefused(mvc.perform(get("/fhir/Patient/$export").param("patient", Clinic.ALICE).param("_typeFilter", "Observation?code=718-7")
                .header("Prefer", "respond-async").with(doctor())).andReturn(), 400, OperationOutcome.IssueType.INVALID, "_typeFilter");
        assertRefused(mvc.perform(get("/fhir/Patient/$export").param("patient", Clinic.ALICE).param("_since", "2026-03-10")
                .header("Prefer", "respond-async").with(doctor())).andReturn(), 400, OperationOutcome.IssueType.INVALID, "_since");
        assertRefused(mvc.perform(get("/fhir/Patient/$export").param("patient", Clinic.ALICE).param("_outputFormat", "text/csv")
                .header("Prefer", "respond-async").with(doctor())).andReturn(), 400, OperationOutcome.IssueType.INVALID, "_outputFormat");
        assertRefused(mvc.perform(get("/fhir/$export").header("Prefer", "respond-async").with(doctor())).andReturn(),
                403, OperationOutcome.IssueType.FORBIDDEN, null);
        assertRefused(mvc.perform(get("/fhir/Group/clinic/$export").header("Prefer", "respond-async").with(doctor())).andReturn(),
                404, OperationOutcome.IssueType.NOTSUPPORTED, null);
    }

    @Test
    void only_the_caller_who_started_an_export_sees_it_and_cancelling_it_removes_its_files() throws Exception {
        MvcResult kickOff = mvc.perform(get("/fhir/$export").header("Prefer", "respond-async").with(admin())).andReturn();
        assertThat(kickOff.getResponse().getStatus()).as(kickOff.getResponse().getContentAsString()).isEqualTo(202);
        String status = kickOff.getResponse().getHeader("Content-Location");
        String manifest = finished(status, admin());
        assertThat(JsonPath.<List<String>>read(manifest, "$.output[*].type")).containsExactly("Practitioner");
        assertThat(exported(manifest, "Practitioner")).hasSize(1);
        String url = JsonPath.<List<String>>read(manifest, "$.output[*].url").getFirst();

        assertRefused(mvc.perform(get(status).with(doctor())).andReturn(), 404, OperationOutcome.IssueType.NOTFOUND, null);
        assertRefused(mvc.perform(delete(status).with(doctor())).andReturn(), 404, OperationOutcome.IssueType.NOTFOUND, null);
        assertThat(mvc.perform(delete(status).with(admin())).andReturn().getResponse().getStatus()).isEqualTo(202);
        assertRefused(mvc.perform(get(status).with(admin())).andReturn(), 404, OperationOutcome.IssueType.NOTFOUND, null);
        assertThat(exportFiles.at(url)).isEmpty();
    }

    @Test
    void an_export_whose_files_cannot_be_written_fails_with_an_operation_outcome_and_hands_out_nothing() throws Exception {
        exportFiles.breakDown(true);
        try {
            MvcResult kickOff = mvc.perform(get("/fhir/Patient/$export").param("patient", Clinic.ALICE)
                    .header("Prefer", "respond-async").with(doctor())).andReturn();
            String status = kickOff.getResponse().getHeader("Content-Location");
            MvcResult answer = mvc.perform(get(status).with(doctor())).andReturn();
            for (Instant giveUp = Instant.now().plusSeconds(20); answer.getResponse().getStatus() == 202 && Instant.now().isBefore(giveUp); ) {
                Thread.sleep(20);
                answer = mvc.perform(get(status).with(doctor())).andReturn();
            }

            assertRefused(answer, 500, OperationOutcome.IssueType.EXCEPTION, null);
        } finally {
            exportFiles.breakDown(false);
        }
    }

    /** The manifest once the export is done; every answer before it is 202 with its progress. */
    private String finished(String status, RequestPostProcessor caller) throws Exception {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(giveUp)) {
            MvcResult answer = mvc.perform(get(status).with(caller)).andReturn();
            if (answer.getResponse().getStatus() == 200) {
                assertThat(answer.getResponse().getContentType()).startsWith("application/json");
                assertThat(answer.getResponse().getHeader("Expires")).isNotBlank();
                return answer.getResponse().getContentAsString();
            }
            assertThat(answer.getResponse().getStatus()).as(answer.getResponse().getContentAsString()).isEqualTo(202);
            assertThat(answer.getResponse().getHeader("X-Progress")).isNotBlank();
            Thread.sleep(20);
        }
        throw new AssertionError("the export " + status + " did not finish in 20 s");
    }

    /** The lines of the output file of {@code type}, each a resource of that type valid against the R4 core profiles, as many as the manifest counts. */
    private List<String> exported(String manifest, String type) {
        return files(manifest, "$.output", type);
    }

    private List<String> files(String manifest, String list, String type) {
        List<Map<String, Object>> entries = JsonPath.read(manifest, list + "[?(@.type == '" + type + "')]");
        assertThat(entries).hasSize(1);
        String ndjson = exportFiles.at((String) entries.getFirst().get("url")).orElseThrow();
        List<String> lines = ndjson.lines().toList();
        assertThat(lines).hasSize((Integer) entries.getFirst().get("count"));
        lines.forEach(line -> {
            assertThat(FHIR.newJsonParser().parseResource(line).fhirType()).isEqualTo(type);
            assertNoErrors(type, line);
        });
        return lines;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    /** A booking of {@code slot} for the patient with Dr Novak, as a FHIR client writes one. */
    private static org.hl7.fhir.r4.model.Appointment appointmentFor(String patient, org.hl7.fhir.r4.model.Slot slot) {
        org.hl7.fhir.r4.model.Appointment appointment = new org.hl7.fhir.r4.model.Appointment();
        appointment.setStatus(org.hl7.fhir.r4.model.Appointment.AppointmentStatus.BOOKED);
        appointment.setStart(slot.getStart()).setAppointmentType(slot.getAppointmentType()).setDescription("check-up");
        appointment.addParticipant().setActor(new org.hl7.fhir.r4.model.Reference("Patient/" + patient))
                .setStatus(org.hl7.fhir.r4.model.Appointment.ParticipationStatus.ACCEPTED);
        appointment.addParticipant().setActor(new org.hl7.fhir.r4.model.Reference("Practitioner/" + Clinic.DR_NOVAK))
                .setStatus(org.hl7.fhir.r4.model.Appointment.ParticipationStatus.ACCEPTED);
        return appointment;
    }
}
