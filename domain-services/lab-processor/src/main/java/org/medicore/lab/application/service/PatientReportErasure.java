package org.medicore.lab.application.service;

import org.medicore.lab.application.port.in.ErasePatientReports;
import org.medicore.lab.application.port.out.EraseReportObjects;
import org.medicore.lab.application.port.out.EraseReportRecords;
import org.medicore.lab.application.port.out.LoadReport;
import org.medicore.lab.domain.LabReport;
import org.medicore.lab.domain.ReportPage;

/**
 * Erases an erased patient's reports: for each report, its files (every version) before its item, so
 * a run that fails part-way finds the report again and finishes it; then the patient's outbox entries.
 * Where the clinic must keep medical records ({@code retainClinicalRecords}), reports and their files
 * stay and only the outbox entries already published go: they are copies of what the reports hold.
 */
public final class PatientReportErasure implements ErasePatientReports {

    private static final int PAGE = 100;

    private final LoadReport loadReport;
    private final EraseReportObjects objects;
    private final EraseReportRecords records;
    private final boolean retainClinicalRecords;

    public PatientReportErasure(LoadReport loadReport, EraseReportObjects objects, EraseReportRecords records,
                                boolean retainClinicalRecords) {
        this.loadReport = loadReport;
        this.objects = objects;
        this.records = records;
        this.retainClinicalRecords = retainClinicalRecords;
    }

    @Override
    public Erased eraseReportsOf(String patientId) {
        if (retainClinicalRecords) {
            return new Erased(0, 0, records.eraseEventsOf(patientId, false));
        }
        int reports = 0;
        int versions = 0;
        String token = "";
        do {
            // a page token names a position in the index, which stays valid once its report is erased
            ReportPage page = loadReport.reportsOf(patientId, PAGE, token).orElseThrow();
            for (LabReport report : page.reports()) {
                for (String key : report.storedObjectKeys()) {
                    versions += objects.eraseEveryVersion(key);
                }
                records.eraseReport(report.id());
                reports++;
            }
            token = page.nextPageToken();
        } while (!token.isEmpty());
        // pending ones too: they would announce reports that no longer exist, of a patient nobody may be told of
        return new Erased(reports, versions, records.eraseEventsOf(patientId, true));
    }
}
