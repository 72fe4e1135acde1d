package org.medicore.bff;

import org.junit.jupiter.api.Test;
import org.medicore.bff.support.Demo;
import org.medicore.bff.support.WholeSystemTest;
import org.medicore.localstack.LabReportPdf;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A report held for review, decided by a doctor through the BFF with real tokens, the patient
 * watching live: the queue, who may decide, a stale version, bad input, the correction itself,
 * its audit and its results, and its PDF for the reviewer only.
 */
class LabReviewTest extends WholeSystemTest {

    private static final String DOWNLOAD = "query($r: ID!) { labReportDownload(reportId: $r) { downloadUrl } }";
    private static final String REPORT_FIELDS = "id status version reviewFindings { kind reason } valuesRead { testName value } reportText";

    @Test
    void a_doctor_corrects_a_held_report_and_the_patient_sees_it_processed_live() throws Exception {
        Instant start = Instant.now();
        String reportId = putLabReportAsPatient(LabReportPdf.withLines(List.of("Glucose: 98 mg/dL (70-99)",
                "Potassium: 6.9 mmol/L (3.5-5.1)")));
        BlockingQueue<Map> statuses = new LinkedBlockingQueue<>();
        socket("patient").document("subscription($r: ID!) { labReportStatus(reportId: $r) { status resultCount } }")
                .variable("r", reportId).retrieveSubscription("labReportStatus").toEntity(Map.class).subscribe(statuses::add);
        assertThat(statuses.poll(30, TimeUnit.SECONDS)).isNotNull();
        as("patient").document("mutation($id: ID!) { confirmLabReportUpload(reportId: $id) { id } }")
                .variable("id", reportId).execute().path("confirmLabReportUpload.id").hasValue();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(status(reportId)).isEqualTo("NEEDS_REVIEW"));

        Map<String, Object> held = queued(reportId);
        assertThat((List<?>) held.get("reviewFindings")).isNotEmpty();
        assertThat((List<?>) held.get("valuesRead")).hasSize(2);
        assertThat((String) held.get("reportText")).contains("Potassium");
        long version = ((Number) held.get("version")).longValue();

        // Until a clinician decides, the file may be another person's: the reviewer may open it, its patient not yet.
        as("patient").document(DOWNLOAD).variable("r", reportId).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("classification", "CONFLICT")
                            .containsEntry("code", "FAILED_PRECONDITION")
                            .containsEntry("reasons", List.of("HELD_FOR_REVIEW"));
                    assertThat(error.getMessage()).contains("review");
                }));
        as("doctor").document(DOWNLOAD).variable("r", reportId).execute()
                .path("labReportDownload.downloadUrl").entity(String.class).satisfies(url -> assertThat(url).contains(reportId));

        as("patient").document("mutation($i: AcceptLabReportInput!) { acceptLabReport(input: $i) { id } }")
                .variable("i", Map.of("reportId", reportId, "expectedVersion", version)).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error ->
                        assertThat(error.getExtensions()).containsEntry("code", "PERMISSION_DENIED")));
        as("doctor").document("mutation($i: AcceptLabReportInput!) { acceptLabReport(input: $i) { id } }")
                .variable("i", Map.of("reportId", reportId, "expectedVersion", version - 1)).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("code", "ABORTED");
                    assertThat(error.getExtensions().get("reasons")).asString().contains("VERSION_MISMATCH");
                }));
        as("doctor").document("mutation($i: RejectLabReportInput!) { rejectLabReport(input: $i) { id } }")
                .variable("i", Map.of("reportId", reportId, "expectedVersion", version, "reason", "")).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("code", "INVALID_ARGUMENT");
                    assertThat(error.getExtensions().get("violations")).asString().contains("input.reason");
                }));

        Map<String, Object> decided = as("doctor").document("""
                        mutation($i: CorrectLabReportInput!) {
                          correctLabReport(input: $i) { status review { decision decidedBy changes } }
                        }""")
                .variable("i", Map.of("reportId", reportId, "expectedVersion", version, "values", List.of(
                        Map.of("testName", "Glucose", "code", "2345-7", "value", "98", "unit", "mg/dL", "referenceRange", "70-99"),
                        Map.of("testName", "Potassium", "code", "2823-3", "value", "4.9", "unit", "mmol/L",
                                "referenceRange", "3.5-5.1"))))
                .execute().path("correctLabReport").entity(Map.class).get();

        assertThat(decided).containsEntry("status", "PROCESSED");
        Map<?, ?> review = (Map<?, ?>) decided.get("review");
        assertThat(review.get("decision")).isEqualTo("CORRECTED");
        assertThat((List<String>) review.get("changes")).singleElement().asString().startsWith("Potassium: 6.9");
        Map<?, ?> live = statuses.poll(60, TimeUnit.SECONDS);
        while (live != null && !"PROCESSED".equals(live.get("status"))) {
            live = statuses.poll(60, TimeUnit.SECONDS);
        }
        assertThat((Map<String, Object>) live).isNotNull().containsEntry("resultCount", 2);
        as("patient").document("""
                        query($p: ID!, $r: ID) { labResults(patientId: $p, reportId: $r) { edges { node { testName value abnormalFlag } } } }""")
                .variable("p", Demo.PATIENT_SUBJECT).variable("r", reportId).execute()
                .path("labResults.edges[?(@.node.testName == 'Potassium')].node.abnormalFlag").entityList(String.class)
                .containsExactly("NORMAL");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("admin").document("""
                        query($s: String!, $from: DateTime!) {
                          auditTrail(filter: { subject: $s, from: $from }, first: 100) { edges { node { operation outcome } } }
                        }""")
                .variable("s", review.get("decidedBy")).variable("from", start.toString()).execute()
                .path("auditTrail.edges[*].node.operation").entityList(String.class).contains("DecideReview"));
    }

    @Test
    void the_review_queue_is_for_clinicians() {
        as("patient").document("{ labReviewQueue { edges { node { id } } } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error ->
                        assertThat(error.getExtensions()).containsEntry("code", "PERMISSION_DENIED")));
        as("doctor").document("{ labReviewQueue(first: 101) { edges { node { id } } } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error ->
                        assertThat(error.getExtensions()).containsEntry("code", "INVALID_ARGUMENT")));
    }

    private String status(String reportId) {
        return as("patient").document("query($id: ID!) { labReport(id: $id) { status } }").variable("id", reportId)
                .execute().path("labReport.status").entity(String.class).get();
    }

    /** The report as the doctor's queue shows it, paging oldest first until it comes. */
    private Map<String, Object> queued(String reportId) {
        String after = null;
        while (true) {
            var page = as("doctor").document("query($after: String) { labReviewQueue(first: 100, after: $after) { edges { node { "
                            + REPORT_FIELDS + " } } pageInfo { hasNextPage endCursor } } }")
                    .variable("after", after).execute();
            List<Map<String, Object>> nodes = page.path("labReviewQueue.edges[*].node").entityList(Map.class).get()
                    .stream().map(node -> (Map<String, Object>) node).toList();
            for (Map<String, Object> node : nodes) {
                if (reportId.equals(node.get("id"))) {
                    return node;
                }
            }
            assertThat(page.path("labReviewQueue.pageInfo.hasNextPage").entity(Boolean.class).get())
                    .as("report %s in the review queue", reportId).isTrue();
            after = page.path("labReviewQueue.pageInfo.endCursor").entity(String.class).get();
        }
    }
}
