package org.medicore.lab.application.port.in;

import org.medicore.lab.domain.Caller;
import org.medicore.lab.domain.LabReport;
import org.medicore.support.port.Outcome;

public interface GetReportStatus {

    Outcome<LabReport> reportStatus(Caller caller, String reportId);
}
