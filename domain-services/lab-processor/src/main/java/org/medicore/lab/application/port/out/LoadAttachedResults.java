package org.medicore.lab.application.port.out;

import org.medicore.lab.domain.AttachedResult;

import java.util.List;

public interface LoadAttachedResults {

    /** All lab results of the patient, newest observed first. */
    List<AttachedResult> resultsOf(String patientId);
}
