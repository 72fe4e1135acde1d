package org.medicore.lab;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.medicore.contracts.events.v1.LabReportHeld;
import org.medicore.contracts.events.v1.LabReportProcessed;
import org.medicore.contracts.events.v1.LabReportRejected;
import org.medicore.contracts.lab.v1.AbnormalFlag;
import org.medicore.contracts.lab.v1.ConfirmUploadRequest;
import org.medicore.contracts.lab.v1.LabReport;
import org.medicore.contracts.lab.v1.LabReportRejectionReason;
import org.medicore.contracts.lab.v1.LabReportStatus;
import org.medicore.contracts.lab.v1.LabResult;
import org.medicore.contracts.lab.v1.ReviewFinding;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.lab.v1.ListReportsByPatientRequest;
import org.medicore.contracts.lab.v1.ListResultsByPatientRequest;
import org.medicore.contracts.lab.v1.ListResultsByPatientResponse;
import org.medicore.contracts.lab.v1.RequestUploadUrlResponse;
import org.medicore.contracts.patient.v1.ListLabResultsRequest;
import org.medicore.lab.application.port.in.ProcessLabReport;
import org.medicore.lab.support.LabEvents;
import org.medicore.lab.support.RunningLabProcessor;
import org.medicore.lab.support.SampleReports;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medicore.lab.support.SampleReports.MAX_BYTES;
import static org.medicore.lab.support.SampleReports.aCorruptReport;
import static org.medicore.lab.support.SampleReports.aLetterWithoutValues;
import static org.medicore.lab.support.SampleReports.aLinesReport;
import static org.medicore.lab.support.SampleReports.aScannedReport;
import static org.medicore.lab.support.SampleReports.aTableReport;
import static org.medicore.lab.support.SampleReports.aWordDocument;
import static org.medicore.lab.support.SampleReports.anEmptyTable;
import static org.medicore.lab.support.SampleReports.anOversizeReport;
import static org.medicore.support.grpc.RefusalDetails.violatedFields;

class LabReportFlowTest extends RunningLabProcessor {

    @Autowired
    private ProcessLabReport processLabReport;

    @Test
    void a_doctors_table_report_is_attached_to_the_patient_with_loinc_codes_and_flags_and_announced() throws Exception {
        String doctor = tokenOf("doctor");
        String patientId = aRegisteredPatient("");

        String reportId = upload(doctor, patientId, printedFor(patientId, aTableReport()).pdf());
        LabReport report = awaitFinal(doctor, reportId);

        assertThat(report.getStatus()).isEqualTo(LabReportStatus.PROCESSED);
        assertThat(report.getResultCount()).isEqualTo(5);
        assertThat(report.getAbnormalCount()).isEqualTo(2);
        List<LabResult> results = resultsOf(doctor, patientId, reportId);
        assertThat(results).extracting(LabResult::getCode)
                .containsExactlyInAnyOrder("718-7", "6690-2", "777-3", "2093-3", "4548-4");
        assertThat(results).filteredOn(r -> r.getCode().equals("718-7")).singleElement().satisfies(hemoglobin -> {
            assertThat(hemoglobin.getAbnormalFlag()).isEqualTo(AbnormalFlag.LOW);
            assertThat(hemoglobin.getNumericValue()).isEqualTo(11.2);
            assertThat(hemoglobin.getReferenceRange().getText()).isEqualTo("12.0 - 15.5");
            assertThat(hemoglobin.getObservedAt().getSeconds()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z").getEpochSecond());
        });

        ConsumerRecord<String, String> record = labEvents.of(reportId);
        assertThat(LabEvents.header(record, "event-type")).isEqualTo("medicore.events.v1.LabReportProcessed");
        LabReportProcessed event = parse(record.value(), LabReportProcessed.newBuilder()).build();
        assertThat(LabEvents.header(record, "event-id")).isEqualTo(event.getEventId());
        assertThat(LabEvents.header(record, "occurred-at")).isNotBlank();
        assertThat(event.getPatientId()).isEqualTo(patientId);
        assertThat(event.getResultIdsList()).containsExactlyInAnyOrderElementsOf(results.stream().map(LabResult::getId).toList());
    }

    @Test
    void a_patient_uploads_their_own_report_in_lines_and_reads_its_results() throws Exception {
        String patient = tokenOf("patient");
        String patientId = subjectOf(patient);
        ownRecordOf(patientId);

        String reportId = upload(patient, patientId, printedFor(patientId, aLinesReport()).pdf());

        assertThat(awaitFinal(patient, reportId).getStatus()).isEqualTo(LabReportStatus.PROCESSED);
        assertThat(resultsOf(patient, patientId, reportId)).extracting(LabResult::getTestName, LabResult::getAbnormalFlag)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("Glucose", AbnormalFlag.NORMAL),
                        org.assertj.core.groups.Tuple.tuple("Sodium", AbnormalFlag.NORMAL),
                        org.assertj.core.groups.Tuple.tuple("Potassium", AbnormalFlag.HIGH),
                        org.assertj.core.groups.Tuple.tuple("Creatinine", AbnormalFlag.NORMAL));
    }

    @Test
    void results_page_newest_first_and_keep_the_printed_unit_beside_the_ucum_one() throws Exception {
        String doctor = tokenOf("doctor");
        String patientId = aRegisteredPatient("");

        String reportId = upload(doctor, patientId,
                printedFor(patientId, aTableReport().withRow("Potassium", "4.2", "mmol/L", "3.5 - 5.1", "")).pdf());
        awaitFinal(doctor, reportId);

        ListResultsByPatientResponse first = labServiceAs(doctor).listResultsByPatient(ListResultsByPatientRequest.newBuilder()
                .setPatientId(patientId).setPage(PageRequest.newBuilder().setPageSize(4)).build());
        ListResultsByPatientResponse second = labServiceAs(doctor).listResultsByPatient(ListResultsByPatientRequest.newBuilder()
                .setPatientId(patientId).setPage(PageRequest.newBuilder().setPageSize(4)
                        .setPageToken(first.getPageInfo().getNextPageToken())).build());
        assertThat(first.getResultsList()).hasSize(4);
        assertThat(first.getPageInfo().getTotalSize()).isEqualTo(6);
        assertThat(second.getResultsList()).hasSize(2);
        assertThat(second.getPageInfo().getNextPageToken()).isEmpty();
        List<LabResult> all = new java.util.ArrayList<>(first.getResultsList());
        all.addAll(second.getResultsList());
        assertThat(all).extracting(LabResult::getId).doesNotHaveDuplicates().hasSize(6);
        assertThat(all).filteredOn(r -> r.getCode().equals("777-3")).singleElement()
                .extracting(LabResult::getUnit).isEqualTo("10*9/L");
    }

    @Test
    void a_panic_value_holds_the_report_for_a_clinician_with_nothing_attached_and_announces_it() throws Exception {
        String doctor = tokenOf("doctor");
        String patientId = aRegisteredPatient("");

        String reportId = upload(doctor, patientId,
                printedFor(patientId, aTableReport().withRow("Potassium", "6.9", "mmol/L", "3.5 - 5.1", "H")).pdf());
        LabReport report = awaitFinal(doctor, reportId);

        assertThat(report.getStatus()).isEqualTo(LabReportStatus.NEEDS_REVIEW);
        assertThat(report.getReviewFindingsList()).singleElement().satisfies(finding -> {
            assertThat(finding.getKind()).isEqualTo(ReviewFinding.Kind.CRITICAL_VALUE);
            assertThat(finding.getLine()).contains("Potassium").contains("6.9");
        });
        assertThat(report.getValuesReadList()).hasSize(6).allSatisfy(value -> assertThat(value.getId()).isEmpty());
        assertThat(report.getValuesReadList()).filteredOn(v -> v.getCode().equals("2823-3")).singleElement()
                .extracting(LabResult::getAbnormalFlag).isEqualTo(AbnormalFlag.CRITICAL_HIGH);
        assertThat(patientServiceAs(doctor).listLabResults(ListLabResultsRequest.newBuilder().setPatientId(patientId).build())
                .getResultsList()).isEmpty();
        ConsumerRecord<String, String> record = labEvents.of(reportId);
        assertThat(LabEvents.header(record, "event-type")).isEqualTo("medicore.events.v1.LabReportHeld");
        LabReportHeld event = parse(record.value(), LabReportHeld.newBuilder()).build();
        assertThat(event.getCriticalCount()).isEqualTo(1);
        assertThat(event.getValueCount()).isEqualTo(6);
    }

    @Test
    void a_report_naming_another_patient_is_held_saying_whom_it_names_and_nothing_is_attached() throws Exception {
        String doctor = tokenOf("doctor");
        String patientId = aRegisteredPatient("");

        String reportId = upload(doctor, patientId, aTableReport().forPatient("GONZALEZ, Maria", "1961-03-14").pdf());
        LabReport report = awaitFinal(doctor, reportId);

        assertThat(report.getStatus()).isEqualTo(LabReportStatus.NEEDS_REVIEW);
        assertThat(report.getReviewFindingsList()).singleElement().satisfies(finding -> {
            assertThat(finding.getKind()).isEqualTo(ReviewFinding.Kind.PATIENT_MISMATCH);
            assertThat(finding.getReason()).startsWith("the report names GONZALEZ, Maria, born 1961-03-14; the record is Anna Lab");
        });
        assertThat(report.getPrintedIdentity().getName()).isEqualTo("GONZALEZ, Maria");
        assertThat(report.getPrintedIdentity().getDateOfBirth().getYear()).isEqualTo(1961);
        assertThat(patientServiceAs(doctor).listLabResults(ListLabResultsRequest.newBuilder().setPatientId(patientId).build())
                .getResultsList()).isEmpty();
    }

    @Test
    void a_patient_sees_their_held_report_waiting_for_review_but_none_of_its_unchecked_reading() throws Exception {
        String patient = tokenOf("patient");
        String patientId = subjectOf(patient);
        ownRecordOf(patientId);

        String reportId = upload(patient, patientId, aTableReport().forPatient("GONZALEZ, Maria", "1961-03-14")
                .withRow("Potassium", "6.9", "mmol/L", "3.5 - 5.1", "H").pdf());
        LabReport seenByPatient = awaitFinal(patient, reportId);

        assertThat(seenByPatient.getStatus()).isEqualTo(LabReportStatus.NEEDS_REVIEW);
        assertThat(seenByPatient.getValuesReadList()).isEmpty();
        assertThat(seenByPatient.getReviewFindingsList()).isEmpty();
        assertThat(seenByPatient.hasPrintedIdentity()).isFalse();
        assertThat(seenByPatient.getReportText()).isEmpty();
        assertThat(awaitFinal(tokenOf("doctor"), reportId).getValuesReadList()).isNotEmpty();
    }

    @Test
    void a_big_report_does_not_delay_a_small_one_uploaded_after_it() throws Exception {
        String doctor = tokenOf("doctor");
        String patientId = aRegisteredPatient("");
        SampleReports big = aTableReport().forPatient("Maria Gonzalez", "1961-03-14").rowsPerPage(40);
        for (int i = 0; i < 45 * 40; i++) {
            big.withRow("Sodium", "141", "mmol/L", "136 - 145", "");
        }
        byte[] bigPdf = big.pdf();

        String bigId = upload(doctor, patientId, bigPdf);
        String smallId = upload(doctor, patientId, printedFor(patientId, aLinesReport()).pdf());
        LabReport small = awaitFinal(doctor, smallId);
        LabReport large = awaitFinal(doctor, bigId);

        assertThat(bigPdf.length).as("read by the large reports' worker").isGreaterThan(20000);
        assertThat(small.getStatus()).isEqualTo(LabReportStatus.PROCESSED);
        assertThat(large.getStatus()).isEqualTo(LabReportStatus.NEEDS_REVIEW);
        assertThat(large.getResultCount()).isEqualTo(45 * 40 + 5);
        assertThat(com.google.protobuf.util.Timestamps.compare(small.getProcessedAt(), large.getProcessedAt()))
                .as("the small report finished first").isNegative();
    }

    @Test
    void a_patients_reports_are_listed_newest_first_whatever_their_status_and_only_for_whom_may_see_them() throws Exception {
        String doctor = tokenOf("doctor");
        String patientId = aRegisteredPatient("");
        String processed = upload(doctor, patientId, printedFor(patientId, aLinesReport()).pdf());
        awaitFinal(doctor, processed);
        String waiting = labServiceAs(doctor).requestUploadUrl(aRequest(patientId, 1000)).getReportId();

        var first = labServiceAs(doctor).listReportsByPatient(ListReportsByPatientRequest.newBuilder()
                .setPatientId(patientId).setPage(PageRequest.newBuilder().setPageSize(1)).build());
        var second = labServiceAs(doctor).listReportsByPatient(ListReportsByPatientRequest.newBuilder()
                .setPatientId(patientId).setPage(PageRequest.newBuilder().setPageSize(1)
                        .setPageToken(first.getPageInfo().getNextPageToken())).build());

        assertThat(first.getReportsList()).extracting(LabReport::getId).containsExactly(waiting);
        assertThat(first.getReports(0).getStatus()).isEqualTo(LabReportStatus.AWAITING_UPLOAD);
        assertThat(second.getReportsList()).extracting(LabReport::getId).containsExactly(processed);
        assertThatThrownBy(() -> labServiceAs(tokenOf("patient")).listReportsByPatient(ListReportsByPatientRequest
                .newBuilder().setPatientId(patientId).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
    }

    @Test
    void a_page_token_the_service_did_not_give_out_is_refused_naming_the_field() {
        String doctor = tokenOf("doctor");
        String patientId = aRegisteredPatient("");

        assertThatThrownBy(() -> labServiceAs(doctor).listResultsByPatient(ListResultsByPatientRequest.newBuilder()
                .setPatientId(patientId).setPage(PageRequest.newBuilder().setPageToken("not-a-token")).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(violatedFields(e)).containsExactly("page.page_token");
                });
    }

    @Test
    void a_report_id_of_five_thousand_digits_is_refused_naming_the_field_without_repeating_it() {
        String doctor = tokenOf("doctor");
        String hugeId = "9".repeat(5_000);

        assertThatThrownBy(() -> labServiceAs(doctor).getReportStatus(
                org.medicore.contracts.lab.v1.GetReportStatusRequest.newBuilder().setReportId(hugeId).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(violatedFields(e)).containsExactly("report_id");
                    assertThat(e.getStatus().getDescription()).doesNotContain("9999");
                });
        assertThatThrownBy(() -> labServiceAs(doctor).confirmUpload(ConfirmUploadRequest.newBuilder().setReportId(hugeId).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(violatedFields(e)).containsExactly("report_id"));
    }

    @Test
    void a_patient_may_not_upload_for_another_patient() {
        String someoneElse = aRegisteredPatient("");

        assertThatThrownBy(() -> labServiceAs(tokenOf("patient")).requestUploadUrl(aRequest(someoneElse, 1000)))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
    }

    @Test
    void a_file_announced_over_ten_mebibytes_gets_no_upload_url() {
        String patientId = aRegisteredPatient("");

        assertThatThrownBy(() -> labServiceAs(tokenOf("doctor")).requestUploadUrl(aRequest(patientId, MAX_BYTES + 1)))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }

    @Test
    void confirming_before_anything_was_uploaded_is_refused() {
        String doctor = tokenOf("doctor");
        String reportId = labServiceAs(doctor).requestUploadUrl(aRequest(aRegisteredPatient(""), 1000)).getReportId();

        assertThatThrownBy(() -> labServiceAs(doctor).confirmUpload(ConfirmUploadRequest.newBuilder().setReportId(reportId).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));
    }

    @Test
    void processing_the_same_report_again_attaches_its_results_once() throws Exception {
        String doctor = tokenOf("doctor");
        String patientId = aRegisteredPatient("");
        String reportId = upload(doctor, patientId, printedFor(patientId, aTableReport()).pdf());
        awaitFinal(doctor, reportId);

        processLabReport.process(reportId);
        processLabReport.process(reportId);

        assertThat(patientServiceAs(doctor).listLabResults(ListLabResultsRequest.newBuilder().setPatientId(patientId).build())
                .getResultsList()).hasSize(5);
    }

    static Stream<Arguments> bad_reports() {
        return Stream.of(
                Arguments.of("a Word document", aWordDocument(), LabReportRejectionReason.NOT_A_PDF),
                Arguments.of("an encrypted PDF", aTableReport().encrypted().pdf(), LabReportRejectionReason.UNREADABLE),
                Arguments.of("a corrupt PDF", aCorruptReport(), LabReportRejectionReason.UNREADABLE),
                Arguments.of("a scan without text", aScannedReport(), LabReportRejectionReason.UNREADABLE),
                Arguments.of("a letter without values", aLetterWithoutValues(), LabReportRejectionReason.NO_RESULTS_FOUND),
                Arguments.of("a report of 51 pages", fiftyOnePages(), LabReportRejectionReason.TOO_MANY_PAGES));
    }

    private static byte[] fiftyOnePages() {
        SampleReports report = anEmptyTable().rowsPerPage(1);
        for (int i = 0; i < 51; i++) {
            report.withRow("Sodium", "141", "mmol/L", "136 - 145", "");
        }
        return report.pdf();
    }

    @ParameterizedTest(name = "{0} is rejected, quarantined and announced, and nothing reaches the patient record")
    @MethodSource("bad_reports")
    void a_bad_report_is_rejected_quarantined_and_announced_and_nothing_reaches_the_patient_record(
            String what, byte[] file, LabReportRejectionReason reason) throws Exception {
        String doctor = tokenOf("doctor");
        String patientId = aRegisteredPatient("");

        String reportId = upload(doctor, patientId, file);

        assertRejected(doctor, patientId, reportId, reason);
    }

    @Test
    void an_object_larger_than_the_limit_is_rejected_whatever_size_was_announced() throws Exception {
        String doctor = tokenOf("doctor");
        String patientId = aRegisteredPatient("");
        RequestUploadUrlResponse ticket = labServiceAs(doctor).requestUploadUrl(aRequest(patientId, 2048));
        putObject("uploads/" + patientId + "/" + ticket.getReportId() + ".pdf", anOversizeReport());

        labServiceAs(doctor).confirmUpload(ConfirmUploadRequest.newBuilder().setReportId(ticket.getReportId()).build());

        assertRejected(doctor, patientId, ticket.getReportId(), LabReportRejectionReason.TOO_LARGE);
    }

    private void assertRejected(String token, String patientId, String reportId, LabReportRejectionReason reason)
            throws Exception {
        LabReport report = awaitFinal(token, reportId);
        assertThat(report.getStatus()).isEqualTo(LabReportStatus.REJECTED);
        assertThat(report.getRejectionReason()).isEqualTo(reason);
        assertThat(report.getRejectionDetail()).isNotBlank();
        // the move follows the stored rejection
        awaitMoved("uploads/" + patientId + "/" + reportId + ".pdf");
        assertThat(objectExists("quarantine/" + patientId + "/" + reportId + ".pdf")).isTrue();
        assertThat(patientServiceAs(token).listLabResults(ListLabResultsRequest.newBuilder().setPatientId(patientId).build())
                .getResultsList()).isEmpty();
        ConsumerRecord<String, String> record = labEvents.of(reportId);
        assertThat(LabEvents.header(record, "event-type")).isEqualTo("medicore.events.v1.LabReportRejected");
        LabReportRejected event = parse(record.value(), LabReportRejected.newBuilder()).build();
        assertThat(event.getReason()).isEqualTo(reason);
        assertThat(event.getUploadedBySubject()).isEqualTo(subjectOf(token));
    }

    private void awaitMoved(String uploadKey) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(10));
        while (objectExists(uploadKey) && Instant.now().isBefore(giveUp)) {
            Thread.sleep(50);
        }
        assertThat(objectExists(uploadKey)).as("still under uploads/: " + uploadKey).isFalse();
    }
}
