package org.medicore.lab.application.port.in;

import org.medicore.lab.domain.Caller;
import org.medicore.lab.domain.ReportPage;
import org.medicore.support.port.Outcome;

public interface ListReportsByPatient {

    /** A page of the patient's reports, newest first, whatever their status; a size of 0 means the default. */
    Outcome<ReportPage> reportsByPatient(Caller caller, String patientId, int pageSize, String pageToken);
}
