package org.medicore.lab.application.port.in;

import org.medicore.lab.domain.Caller;
import org.medicore.lab.domain.LabReport;
import org.medicore.support.port.Outcome;

/** The local trigger: the uploader says the PUT succeeded. Processing follows through {@link ProcessLabReport}. */
public interface ConfirmUpload {

    Outcome<LabReport> confirmUpload(Caller caller, String reportId);
}
