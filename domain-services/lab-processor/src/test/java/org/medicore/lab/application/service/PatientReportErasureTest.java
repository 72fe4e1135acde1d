package org.medicore.lab.application.service;

import org.junit.jupiter.api.Test;
import org.medicore.lab.application.port.in.ErasePatientReports.Erased;
import org.medicore.lab.application.port.out.EraseReportObjects;
import org.medicore.lab.application.port.out.EraseReportRecords;
import org.medicore.lab.application.port.out.LoadReport;
import org.medicore.lab.domain.Caller;
import org.medicore.lab.domain.LabReport;
import org.medicore.lab.domain.ReportPage;
import org.medicore.lab.domain.Review;
import org.medicore.lab.domain.Role;
import org.medicore.lab.domain.Uploader;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class PatientReportErasureTest {

    private static final Instant NOW = Instant.parse("2026-12-04T20:00:00Z");
    private static final String PATIENT = UUID.randomUUID().toString();

    private final Store store = new Store();

    @Test
    void every_report_of_every_page_goes_each_file_before_its_item_then_every_outbox_entry() {
        List<LabReport> reports = IntStream.range(0, 230).mapToObj(i -> aReportOf(PATIENT)).toList();
        store.reports.addAll(reports);

        Erased erased = erasure(false).eraseReportsOf(PATIENT);

        assertThat(erased).isEqualTo(new Erased(230, 460, 3));
        assertThat(store.erasedReports).containsExactlyElementsOf(reports.stream().map(LabReport::id).toList());
        assertThat(store.steps.subList(0, 4)).containsExactly("object " + reports.getFirst().objectKey(),
                "object " + reports.getFirst().quarantineKey(), "object " + reports.getFirst().receivedMessageKey(),
                "report " + reports.getFirst().id());
        assertThat(store.steps.getLast()).isEqualTo("events of " + PATIENT + " pending too");
    }

    @Test
    void a_report_reassigned_before_its_file_moved_with_it_loses_the_file_under_the_first_patient_too() {
        String first = UUID.randomUUID().toString();
        LabReport reassigned = aReportOf(first).decided(Review.reassigned(new Caller("doctor", Set.of(Role.DOCTOR)), NOW,
                first, PATIENT), PATIENT, List.of(), List.of(), NOW).report();
        store.reports.add(reassigned);

        erasure(false).eraseReportsOf(PATIENT);

        assertThat(store.steps).contains("object uploads/" + first + "/" + reassigned.id() + ".pdf",
                "object hl7-received/" + first + "/" + reassigned.id() + ".hl7", "object " + reassigned.objectKey());
    }

    @Test
    void where_the_clinic_keeps_medical_records_only_the_published_outbox_entries_go() {
        store.reports.add(aReportOf(PATIENT));

        Erased erased = erasure(true).eraseReportsOf(PATIENT);

        assertThat(erased).isEqualTo(new Erased(0, 0, 3));
        assertThat(store.steps).containsExactly("events of " + PATIENT + " published only");
    }

    @Test
    void a_patient_lab_processor_never_saw_is_nothing_to_do() {
        assertThat(erasure(false).eraseReportsOf(UUID.randomUUID().toString())).isEqualTo(new Erased(0, 0, 3));
        assertThat(store.erasedReports).isEmpty();
    }

    private PatientReportErasure erasure(boolean retainClinicalRecords) {
        return new PatientReportErasure(store, store, store, retainClinicalRecords);
    }

    private static LabReport aReportOf(String patientId) {
        return LabReport.awaitingUpload(patientId, "blood-panel.pdf", 2048, new Uploader("doctor", Role.DOCTOR), NOW);
    }

    /** The ports over a list, paged as the index pages (a token names the last report of a page). */
    private static final class Store implements LoadReport, EraseReportObjects, EraseReportRecords {

        final List<LabReport> reports = new ArrayList<>();
        final List<String> erasedReports = new ArrayList<>();
        final List<String> steps = new ArrayList<>();

        @Override
        public Optional<LabReport> load(String reportId) {
            return reports.stream().filter(report -> report.id().equals(reportId)).findFirst();
        }

        @Override
        public Optional<ReportPage> reportsOf(String patientId, int size, String pageToken) {
            List<LabReport> all = reports.stream().filter(report -> report.patientId().equals(patientId)).toList();
            int from = pageToken.isEmpty() ? 0 : Integer.parseInt(pageToken);
            int to = Math.min(all.size(), from + size);
            return Optional.of(new ReportPage(all.subList(from, to), to < all.size() ? Integer.toString(to) : ""));
        }

        @Override
        public Optional<ReportPage> heldForReview(int size, String pageToken) {
            return Optional.empty();
        }

        @Override
        public int eraseEveryVersion(String objectKey) {
            steps.add("object " + objectKey);
            return objectKey.startsWith("uploads/") ? 2 : 0;
        }

        @Override
        public void eraseReport(String reportId) {
            steps.add("report " + reportId);
            erasedReports.add(reportId);
        }

        @Override
        public int eraseEventsOf(String patientId, boolean pendingToo) {
            steps.add("events of " + patientId + (pendingToo ? " pending too" : " published only"));
            return 3;
        }
    }
}
