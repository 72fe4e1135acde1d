package org.medicore.patient.adapter.in.grpc;

import org.medicore.localstack.TestTokens;

import com.google.protobuf.Timestamp;
import com.google.rpc.PreconditionFailure;
import com.google.rpc.ResourceInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.common.v1.Role;
import org.medicore.contracts.lab.v1.LabResult;
import org.medicore.contracts.patient.v1.AddHistoryEntryRequest;
import org.medicore.contracts.patient.v1.Allergy;
import org.medicore.contracts.patient.v1.AllergySeverity;
import org.medicore.contracts.patient.v1.AttachLabResultRequest;
import org.medicore.contracts.patient.v1.HistoryEntry;
import org.medicore.contracts.patient.v1.HistoryEntryKind;
import org.medicore.contracts.patient.v1.ListHistoryRequest;
import org.medicore.contracts.patient.v1.ListHistoryResponse;
import org.medicore.contracts.patient.v1.ListLabResultsRequest;
import org.medicore.contracts.patient.v1.ListLabResultsResponse;
import org.medicore.contracts.patient.v1.Medication;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medicore.support.grpc.RefusalDetails.detail;
import static org.medicore.support.grpc.RefusalDetails.violatedFields;
import static org.medicore.patient.ProtoRequests.aLabResult;
import static org.medicore.patient.ProtoRequests.aNote;
import static org.medicore.patient.ProtoRequests.aRegistration;
import static org.medicore.patient.ProtoRequests.anAllergy;

/** Medical history and lab results over a real channel, stored in DynamoDB Local. */
class ClinicalRecordsGrpcTest extends EndpointOverRealChannelTest {

    private static final String DOCTOR_SUBJECT = "doctor-" + UUID.randomUUID();
    private static final String DOCTOR = TestTokens.forSubject(DOCTOR_SUBJECT, "DOCTOR");
    private static final String BILLING = TestTokens.forSubject("staff-billing-" + UUID.randomUUID(), "BILLING");
    private static final Instant MORNING = Instant.parse("2026-04-30T07:00:00Z");

    @Test
    void a_doctor_records_an_allergy_with_severity_as_its_author_and_the_patient_reads_it() {
        String subject = UUID.randomUUID().toString();
        String patientId = registerOwnedBy(subject);

        HistoryEntry entry = as(DOCTOR).addHistoryEntry(anAllergy(patientId).build()).getEntry();

        assertThat(entry.getKind()).isEqualTo(HistoryEntryKind.ALLERGY);
        assertThat(entry.getAllergy().getSeverity()).isEqualTo(AllergySeverity.MODERATE);
        assertThat(entry.getAuthor().getSubject()).isEqualTo(DOCTOR_SUBJECT);
        assertThat(entry.getAuthor().getRole()).isEqualTo(Role.DOCTOR);
        assertThat(entry.getRecordedAt().getSeconds()).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        assertThat(as(TestTokens.forSubject(subject, "PATIENT")).listHistory(history(patientId).build()).getEntriesList()).containsExactly(entry);
    }

    @Test
    void a_correction_supersedes_the_old_entry_which_stays_readable_and_is_corrected_only_once() {
        String patientId = register();
        HistoryEntry allergy = as(DOCTOR).addHistoryEntry(anAllergy(patientId).build()).getEntry();
        HistoryEntry correction = as(DOCTOR).addHistoryEntry(anAllergy(patientId).setSupersedesEntryId(allergy.getId())
                .setAllergy(Allergy.newBuilder().setSubstance("Amoxicillin").setSeverity(AllergySeverity.SEVERE)).build()).getEntry();

        List<HistoryEntry> current = as(DOCTOR).listHistory(history(patientId).build()).getEntriesList();
        List<HistoryEntry> all = as(DOCTOR).listHistory(history(patientId).setIncludeSuperseded(true).build()).getEntriesList();

        assertThat(current).extracting(HistoryEntry::getId).containsExactly(correction.getId());
        assertThat(correction.getSupersedesEntryId()).isEqualTo(allergy.getId());
        assertThat(all).containsExactly(allergy.toBuilder().setSupersededByEntryId(correction.getId()).build(), correction);
        assertRefused(() -> as(DOCTOR).addHistoryEntry(aNote(patientId, "again").setSupersedesEntryId(allergy.getId()).build()),
                "ALREADY_SUPERSEDED", allergy.getId());
    }

    @Test
    void should_refuse_a_correction_of_another_patients_entry_and_not_find_an_unknown_one() {
        String patientId = register();
        HistoryEntry othersEntry = as(DOCTOR).addHistoryEntry(aNote(register(), "elsewhere").build()).getEntry();
        String unknown = UUID.randomUUID().toString();

        assertRefused(() -> as(DOCTOR).addHistoryEntry(aNote(patientId, "fix").setSupersedesEntryId(othersEntry.getId()).build()),
                "FOREIGN_ENTRY", othersEntry.getId());
        assertThatThrownBy(() -> as(DOCTOR).addHistoryEntry(aNote(patientId, "fix").setSupersedesEntryId(unknown).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
                    assertThat(detail(e, ResourceInfo.class).getResourceType()).isEqualTo("medicore.patient.v1.HistoryEntry");
                    assertThat(detail(e, ResourceInfo.class).getResourceName()).isEqualTo(unknown);
                });
        assertThat(as(DOCTOR).listHistory(history(patientId).build()).getEntriesList()).isEmpty();
    }

    static Stream<Arguments> invalidHistoryEntries() {
        return Stream.of(
                Arguments.of("detail", (UnaryOperator<AddHistoryEntryRequest.Builder>) AddHistoryEntryRequest.Builder::clearDetail),
                Arguments.of("allergy.severity", (UnaryOperator<AddHistoryEntryRequest.Builder>) r ->
                        r.setAllergy(r.getAllergy().toBuilder().setSeverity(AllergySeverity.ALLERGY_SEVERITY_UNSPECIFIED))),
                Arguments.of("medication.start_date", (UnaryOperator<AddHistoryEntryRequest.Builder>) r -> r.setMedication(
                        Medication.newBuilder().setName("Metformin").setStartDate(com.google.type.Date.newBuilder().setYear(2026).setMonth(2).setDay(30)))),
                Arguments.of("supersedes_entry_id", (UnaryOperator<AddHistoryEntryRequest.Builder>) r -> r.setSupersedesEntryId("entry-7")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidHistoryEntries")
    void an_invalid_history_entry_names_the_field_and_stores_nothing(String field, UnaryOperator<AddHistoryEntryRequest.Builder> breakIt) {
        String patientId = register();

        assertInvalid(() -> as(DOCTOR).addHistoryEntry(breakIt.apply(anAllergy(patientId)).build()), field);
        assertThat(as(DOCTOR).listHistory(history(patientId).setIncludeSuperseded(true).build()).getEntriesList()).isEmpty();
    }

    @Test
    void history_pages_in_either_time_order_and_filters_by_kind() {
        String patientId = register();
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            notes.add(as(DOCTOR).addHistoryEntry(aNote(patientId, "note " + i).build()).getEntry().getId());
            as(DOCTOR).addHistoryEntry(anAllergy(patientId).build());
        }
        ListHistoryRequest.Builder newestNotes = history(patientId).addKinds(HistoryEntryKind.NOTE).setNewestFirst(true)
                .setPage(PageRequest.newBuilder().setPageSize(2));

        ListHistoryResponse first = as(DOCTOR).listHistory(newestNotes.build());
        ListHistoryResponse second = as(DOCTOR).listHistory(newestNotes.setPage(PageRequest.newBuilder().setPageSize(2)
                .setPageToken(first.getPageInfo().getNextPageToken())).build());

        assertThat(first.getEntriesList()).extracting(HistoryEntry::getId).containsExactly(notes.get(2), notes.get(1));
        assertThat(second.getEntriesList()).extracting(HistoryEntry::getId).containsExactly(notes.get(0));
        assertThat(second.getPageInfo().getNextPageToken()).isEmpty();
        assertThat(as(DOCTOR).listHistory(history(patientId).build()).getEntriesList()).hasSize(6)
                .extracting(e -> e.getRecordedAt().getSeconds() * 1_000_000_000L + e.getRecordedAt().getNanos()).isSorted();
    }

    @Test
    void a_page_token_of_another_patients_history_is_an_invalid_argument() {
        String patientId = register();
        String otherPatient = register();
        for (int i = 0; i < 2; i++) {
            as(DOCTOR).addHistoryEntry(aNote(otherPatient, "note " + i).build());
        }
        String othersToken = as(DOCTOR).listHistory(history(otherPatient).setPage(PageRequest.newBuilder().setPageSize(1)).build())
                .getPageInfo().getNextPageToken();

        assertInvalid(() -> as(DOCTOR).listHistory(history(patientId).setPage(PageRequest.newBuilder().setPageToken(othersToken)).build()),
                "page.page_token");
    }

    @Test
    void billing_staff_may_neither_read_nor_write_history_or_lab_results() {
        String patientId = register();

        for (Runnable call : List.<Runnable>of(
                () -> as(BILLING).addHistoryEntry(anAllergy(patientId).build()),
                () -> as(BILLING).listHistory(history(patientId).build()),
                () -> as(BILLING).attachLabResult(aLabResult(patientId, MORNING).build()),
                () -> as(BILLING).listLabResults(labResults(patientId).build()))) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e ->
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
        }
    }

    @Test
    void a_repeated_attachment_returns_the_first_result_and_stores_it_once() {
        String patientId = register();
        AttachLabResultRequest request = aLabResult(patientId, MORNING).build();

        LabResult first = as(DOCTOR).attachLabResult(request).getResult();
        LabResult repeat = as(DOCTOR).attachLabResult(request).getResult();

        assertThat(repeat).isEqualTo(first);
        assertThat(first.getId()).isNotEmpty();
        assertThat(first.getNumericValue()).isEqualTo(13.2);
        assertThat(first.getReferenceRange().getHigh()).isEqualTo(15.5);
        assertThat(as(DOCTOR).listLabResults(labResults(patientId).build()).getResultsList()).containsExactly(first);
    }

    @Test
    void the_same_idempotency_key_with_a_different_result_is_an_invalid_argument() {
        String patientId = register();
        AttachLabResultRequest request = aLabResult(patientId, MORNING).build();
        LabResult first = as(DOCTOR).attachLabResult(request).getResult();

        assertInvalid(() -> as(DOCTOR).attachLabResult(request.toBuilder().setResult(request.getResult().toBuilder().setValue("14.1")).build()),
                "idempotency_key");
        assertThat(as(DOCTOR).listLabResults(labResults(patientId).build()).getResultsList()).containsExactly(first);
    }

    static Stream<Arguments> invalidLabResults() {
        return Stream.of(
                Arguments.of("idempotency_key", (UnaryOperator<AttachLabResultRequest.Builder>) r -> r.setIdempotencyKey("")),
                Arguments.of("idempotency_key", (UnaryOperator<AttachLabResultRequest.Builder>) r -> r.setIdempotencyKey("k".repeat(129))),
                Arguments.of("result", (UnaryOperator<AttachLabResultRequest.Builder>) AttachLabResultRequest.Builder::clearResult),
                Arguments.of("result.test_name", (UnaryOperator<AttachLabResultRequest.Builder>) r -> r.setResult(r.getResult().toBuilder().setTestName(""))),
                Arguments.of("result.value", (UnaryOperator<AttachLabResultRequest.Builder>) r -> r.setResult(r.getResult().toBuilder().setValue(" "))),
                Arguments.of("result.observed_at", (UnaryOperator<AttachLabResultRequest.Builder>) r -> r.setResult(r.getResult().toBuilder().clearObservedAt())),
                Arguments.of("result.observed_at", (UnaryOperator<AttachLabResultRequest.Builder>) r -> r.setResult(r.getResult().toBuilder()
                        .setObservedAt(Timestamp.newBuilder().setSeconds(Instant.now().plusSeconds(86_400).getEpochSecond())))),
                Arguments.of("result.patient_id", (UnaryOperator<AttachLabResultRequest.Builder>) r -> r.setResult(r.getResult().toBuilder()
                        .setPatientId(UUID.randomUUID().toString()))),
                Arguments.of("result.reference_range.text", (UnaryOperator<AttachLabResultRequest.Builder>) r -> r.setResult(r.getResult().toBuilder()
                        .setReferenceRange(r.getResult().getReferenceRange().toBuilder().setText("")))),
                Arguments.of("result.source_report_id", (UnaryOperator<AttachLabResultRequest.Builder>) r -> r.setResult(r.getResult().toBuilder()
                        .setSourceReportId("report-7"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidLabResults")
    void an_invalid_lab_result_names_the_field_and_stores_nothing(String field, UnaryOperator<AttachLabResultRequest.Builder> breakIt) {
        String patientId = register();

        assertInvalid(() -> as(DOCTOR).attachLabResult(breakIt.apply(aLabResult(patientId, MORNING)).build()), field);
        assertThat(as(DOCTOR).listLabResults(labResults(patientId).build()).getResultsList()).isEmpty();
    }

    @Test
    void lab_results_page_newest_observation_first_and_filter_by_code() {
        String patientId = register();
        for (int hour = 0; hour < 3; hour++) {
            as(DOCTOR).attachLabResult(aLabResult(patientId, MORNING.plusSeconds(3600L * hour)).build());
        }
        AttachLabResultRequest glucose = aLabResult(patientId, MORNING.plusSeconds(7200)).build();
        as(DOCTOR).attachLabResult(glucose.toBuilder().setResult(glucose.getResult().toBuilder().setTestName("Glucose").setCode("2345-7")).build());
        ListLabResultsRequest.Builder haemoglobin = labResults(patientId).setCode("718-7").setPage(PageRequest.newBuilder().setPageSize(2));

        ListLabResultsResponse first = as(DOCTOR).listLabResults(haemoglobin.build());
        ListLabResultsResponse second = as(DOCTOR).listLabResults(haemoglobin.setPage(PageRequest.newBuilder().setPageSize(2)
                .setPageToken(first.getPageInfo().getNextPageToken())).build());

        assertThat(first.getResultsList()).extracting(r -> r.getObservedAt().getSeconds())
                .containsExactly(MORNING.getEpochSecond() + 7200, MORNING.getEpochSecond() + 3600);
        assertThat(second.getResultsList()).extracting(r -> r.getObservedAt().getSeconds()).containsExactly(MORNING.getEpochSecond());
        assertThat(second.getPageInfo().getNextPageToken()).isEmpty();
        assertThat(as(DOCTOR).listLabResults(labResults(patientId).build()).getResultsList()).hasSize(4);
    }

    private String register() {
        return as(DOCTOR).registerPatient(aRegistration(uniqueFamilyName("Clinical")).build()).getPatient().getId();
    }

    private String registerOwnedBy(String subject) {
        return as(TestTokens.forSubject(subject, "PATIENT")).registerPatient(aRegistration(uniqueFamilyName("Own")).build()).getPatient().getId();
    }

    private static ListHistoryRequest.Builder history(String patientId) {
        return ListHistoryRequest.newBuilder().setPatientId(patientId);
    }

    private static ListLabResultsRequest.Builder labResults(String patientId) {
        return ListLabResultsRequest.newBuilder().setPatientId(patientId);
    }

    private static void assertInvalid(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
            assertThat(violatedFields(e))
                    .containsExactly(field);
        });
    }

    private static void assertRefused(Runnable call, String type, String subject) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
            assertThat(detail(e, PreconditionFailure.class).getViolationsList()).singleElement().satisfies(v -> {
                assertThat(v.getType()).isEqualTo(type);
                assertThat(v.getSubject()).isEqualTo(subject);
            });
        });
    }
}
