package org.medicore.lab.application.port.out;

import org.medicore.lab.domain.LabValue;

import java.time.Instant;
import java.util.List;

/** The patient record's side: attaches results, once per report and line however often it is asked. */
public interface AttachResults {

    /** Answers the ids patient-service gave the results, in order. */
    List<String> attach(String patientId, String reportId, List<LabValue> values, Instant observedAt);
}
