package org.medicore.lab.application.port.in;

import org.medicore.lab.domain.Caller;
import org.medicore.support.port.Outcome;

public interface GetReportDownloadUrl {

    Outcome<ReportDownload> downloadUrl(Caller caller, String reportId);
}
