package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.PatientId;

/** A page of one patient's lab results, newest observation first; an empty code means all tests. */
public record ListLabResultsQuery(PatientId patientId, String code, PageRequest page) {

    public ListLabResultsQuery {
        code = code == null ? "" : code.strip();
    }
}
