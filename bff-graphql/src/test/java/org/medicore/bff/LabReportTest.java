package org.medicore.bff;

import org.junit.jupiter.api.Test;
import org.medicore.bff.support.Demo;
import org.medicore.localstack.LabReportPdf;
import org.medicore.bff.support.WholeSystemTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A patient uploads a lab report (naming them) through a presigned URL, reads its results, out-of-range values
 * flagged, and downloads the PDF again through the short-lived link the BFF hands out on request.
 */
class LabReportTest extends WholeSystemTest {

    @Test
    void a_patient_uploads_a_report_reads_its_results_with_flags_and_downloads_its_pdf() throws Exception {
        byte[] pdf = LabReportPdf.withLines(List.of("Glucose: 98 mg/dL (70-99)", "Potassium: 5.9 mmol/L (3.5-5.1)",
                "Sodium: 131 mmol/L (136-145)"));
        String reportId = putLabReportAsPatient(pdf);

        as("patient").document("mutation($id: ID!) { confirmLabReportUpload(reportId: $id) { id } }")
                .variable("id", reportId).execute().path("confirmLabReportUpload.id").entity(String.class).isEqualTo(reportId);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("patient")
                .document("query($id: ID!) { labReport(id: $id) { status resultCount abnormalCount } }")
                .variable("id", reportId).execute()
                .path("labReport.status").entity(String.class).isEqualTo("PROCESSED")
                .path("labReport.abnormalCount").entity(Integer.class).isEqualTo(2));

        as("patient").document("""
                        query($patient: ID!) { labReports(patientId: $patient, first: 100) { edges { node { id status fileName } } } }""")
                .variable("patient", Demo.PATIENT_SUBJECT).execute()
                .path("labReports.edges[*].node.id").entityList(String.class).contains(reportId);
        as("patient").document("""
                        query($patient: ID!, $report: ID) {
                          labResults(patientId: $patient, reportId: $report) {
                            totalCount edges { node { testName code numericValue unit abnormalFlag referenceRange { low high } } }
                          }
                        }""")
                .variable("patient", Demo.PATIENT_SUBJECT).variable("report", reportId).execute()
                .path("labResults.totalCount").entity(Long.class).isEqualTo(3L)
                .path("labResults.edges[?(@.node.testName == 'Potassium')].node.abnormalFlag").entityList(String.class)
                .containsExactly("HIGH")
                .path("labResults.edges[?(@.node.testName == 'Glucose')].node.referenceRange.low").entityList(Double.class)
                .containsExactly(70.0);

        var download = as("patient").document("""
                        query($id: ID!) { labReportDownload(reportId: $id) { downloadUrl expiresAt fileName contentType sizeBytes } }""")
                .variable("id", reportId).execute();
        download.path("labReportDownload.fileName").entity(String.class).isEqualTo("labs.pdf")
                .path("labReportDownload.contentType").entity(String.class).isEqualTo("application/pdf")
                .path("labReportDownload.sizeBytes").entity(Integer.class).isEqualTo(pdf.length);
        assertThat(Instant.parse(download.path("labReportDownload.expiresAt").entity(String.class).get()))
                .isBetween(Instant.now(), Instant.now().plus(Duration.ofMinutes(6)));
        // A bearer link: fetched with no token at all, as the browser's new tab does.
        HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(download.path("labReportDownload.downloadUrl").entity(String.class).get())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(file.body()).isEqualTo(pdf);
    }
}
