package org.medicore.lab.domain;

import java.util.List;

/** One page of a patient's reports, newest first; {@code nextPageToken} is empty on the last page. */
public record ReportPage(List<LabReport> reports, String nextPageToken) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public ReportPage {
        reports = List.copyOf(reports);
    }

    public static int size(int asked) {
        return asked == 0 ? DEFAULT_SIZE : Math.min(asked, MAX_SIZE);
    }
}
