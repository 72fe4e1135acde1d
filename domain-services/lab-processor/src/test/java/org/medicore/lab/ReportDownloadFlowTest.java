package org.medicore.lab;

import com.google.rpc.PreconditionFailure;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;
import org.medicore.contracts.lab.v1.GetReportDownloadUrlRequest;
import org.medicore.contracts.lab.v1.GetReportDownloadUrlResponse;
import org.medicore.contracts.lab.v1.LabReportStatus;
import org.medicore.lab.support.RunningLabProcessor;
import org.medicore.support.audit.TestStackAuditTrail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.medicore.lab.support.SampleReports.aCorruptReport;
import static org.medicore.lab.support.SampleReports.aLinesReport;
import static org.medicore.lab.support.SampleReports.aTableReport;
import static org.medicore.support.grpc.RefusalDetails.violatedFields;
import static org.medicore.support.grpc.RefusalDetails.detail;

class ReportDownloadFlowTest extends RunningLabProcessor {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void a_patient_downloads_their_own_report_exactly_as_uploaded_and_the_hand_out_is_audited() throws Exception {
        String patient = tokenOf("patient");
        String patientId = subjectOf(patient);
        ownRecordOf(patientId);
        byte[] pdf = printedFor(patientId, aLinesReport()).pdf();
        String reportId = upload(patient, patientId, pdf);
        assertThat(awaitFinal(patient, reportId).getStatus()).isEqualTo(LabReportStatus.PROCESSED);

        GetReportDownloadUrlResponse link = downloadUrl(patient, reportId);

        assertThat(link.getContentType()).isEqualTo("application/pdf");
        assertThat(link.getSizeBytes()).isEqualTo(pdf.length);
        assertThat(link.getFileName()).isEqualTo("blood-panel.pdf");
        assertThat(link.getPatientId()).isEqualTo(patientId);
        assertThat(Instant.ofEpochSecond(link.getExpiresAt().getSeconds()))
                .isCloseTo(Instant.now().plus(Duration.ofMinutes(5)), within(Duration.ofSeconds(30)));
        HttpResponse<byte[]> file = HTTP.send(HttpRequest.newBuilder(URI.create(link.getDownloadUrl())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(pdf);
        assertThat(auditOf(reportId)).contains(
                subjectOf(patient) + " GetReportDownloadUrl READ ALLOWED " + reportId + " " + patientId);
    }

    @Test
    void the_doctor_downloads_any_patients_report_but_another_patient_and_billing_are_refused() throws Exception {
        String doctor = tokenOf("doctor");
        String patientId = aRegisteredPatient("");
        String reportId = upload(doctor, patientId, printedFor(patientId, aTableReport()).pdf());
        awaitFinal(doctor, reportId);

        assertThat(downloadUrl(doctor, reportId).getDownloadUrl()).contains(reportId);
        for (String stranger : List.of(tokenOf("patient"), tokenOf("billing"))) {
            assertThatThrownBy(() -> downloadUrl(stranger, reportId)).isInstanceOfSatisfying(StatusRuntimeException.class,
                    e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
        }
        assertThat(auditOf(reportId)).contains(
                subjectOf(tokenOf("billing")) + " GetReportDownloadUrl READ DENIED " + reportId + " ");
    }

    @Test
    void an_unknown_report_is_not_found_and_a_malformed_id_invalid() {
        String doctor = tokenOf("doctor");

        assertThatThrownBy(() -> downloadUrl(doctor, UUID.randomUUID().toString()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        assertThatThrownBy(() -> downloadUrl(doctor, "../uploads"))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(violatedFields(e)).containsExactly("report_id"));
    }

    @Test
    void a_report_without_a_file_to_hand_out_says_why() throws Exception {
        String doctor = tokenOf("doctor");
        String patientId = aRegisteredPatient("");
        String unconfirmed = uploadUnconfirmed(doctor, patientId, printedFor(patientId, aTableReport()).pdf());
        String refused = upload(doctor, patientId, aCorruptReport());
        assertThat(awaitFinal(doctor, refused).getStatus()).isEqualTo(LabReportStatus.REJECTED);

        assertThat(preconditionOf(doctor, unconfirmed)).isEqualTo("NOT_UPLOADED");
        assertThat(preconditionOf(doctor, refused)).isEqualTo("REPORT_REJECTED");
    }

    @Test
    void a_held_report_goes_to_reviewers_but_not_yet_to_the_patient_who_uploaded_it() throws Exception {
        String patient = tokenOf("patient");
        String patientId = subjectOf(patient);
        ownRecordOf(patientId);
        String reportId = upload(patient, patientId, aTableReport().forPatient("GONZALEZ, Maria", "1961-03-14").pdf());
        assertThat(awaitFinal(patient, reportId).getStatus()).isEqualTo(LabReportStatus.NEEDS_REVIEW);

        assertThat(preconditionOf(patient, reportId)).isEqualTo("HELD_FOR_REVIEW");
        assertThat(downloadUrl(tokenOf("doctor"), reportId).getSizeBytes()).isPositive();
    }

    private GetReportDownloadUrlResponse downloadUrl(String token, String reportId) {
        return labServiceAs(token).getReportDownloadUrl(GetReportDownloadUrlRequest.newBuilder().setReportId(reportId).build());
    }

    private String preconditionOf(String token, String reportId) {
        try {
            downloadUrl(token, reportId);
            throw new AssertionError("a link was handed out for " + reportId);
        } catch (StatusRuntimeException e) {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
            return detail(e, PreconditionFailure.class).getViolations(0).getType();
        }
    }

    /** "subject operation action outcome resource_ids patient_ids" of the report's audit records. */
    private static List<String> auditOf(String reportId) {
        return TestStackAuditTrail.recordsAmongNewest(500, record -> record.resourceIds().contains(reportId)).stream()
                .map(record -> String.join(" ", record.subject(), record.operation(), record.action(), record.outcome(),
                        String.join(",", record.resourceIds()), String.join(",", record.patientIds())))
                .toList();
    }
}
