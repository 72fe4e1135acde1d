package org.medicore.lab.domain;

import java.util.List;

/** One page of a patient's reports, newest first; {@code nextPageToken} is empty on the last page. */
public record ReportPage(List<LabReport> reports, String nextPageToken) {

    public ReportPage {
        reports = List.copyOf(reports);
    }
}
