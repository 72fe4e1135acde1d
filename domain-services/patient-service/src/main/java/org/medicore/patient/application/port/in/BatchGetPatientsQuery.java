package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.PatientId;

import java.util.LinkedHashSet;
import java.util.List;

/** Patient ids, as many as the contract allows; duplicates are dropped, the first occurrence keeps its place. */
public record BatchGetPatientsQuery(List<PatientId> ids) {

    public BatchGetPatientsQuery {
        ids = List.copyOf(new LinkedHashSet<>(ids));
    }
}
