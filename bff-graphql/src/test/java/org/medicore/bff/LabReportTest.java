package org.medicore.bff;

import org.junit.jupiter.api.Test;
import org.medicore.bff.support.Demo;
import org.medicore.localstack.LabReportPdf;
import org.medicore.bff.support.WholeSystemTest;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A patient uploads a lab report (naming them) through a presigned URL and reads its results, out-of-range values flagged. */
class LabReportTest extends WholeSystemTest {

    @Test
    void a_patient_uploads_a_report_and_reads_its_results_with_flags() throws Exception {
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
    }
}
