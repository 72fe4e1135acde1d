package org.medicore.lab.application.port.in;

import org.medicore.lab.domain.Caller;

public interface GetReportDownloadUrl {

    Outcome<ReportDownload> downloadUrl(Caller caller, String reportId);
}
