package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.PatientId;
import org.medicore.patient.domain.Violations;

import java.util.LinkedHashSet;
import java.util.List;

/** 1 to 100 patient ids; duplicates are dropped, the first occurrence keeps its place. */
public record BatchGetPatientsQuery(List<PatientId> ids) {

    public static final int MAX_IDS = 100;

    public static BatchGetPatientsQuery of(List<String> rawIds) {
        Violations violations = new Violations();
        if (rawIds.isEmpty()) {
            violations.add("patient_ids", "at least one id is required");
        } else if (rawIds.size() > MAX_IDS) {
            violations.add("patient_ids", "at most " + MAX_IDS + " ids per call");
        }
        for (int i = 0; i < rawIds.size(); i++) {
            violations.uuid("patient_ids[" + i + "]", rawIds.get(i));
        }
        violations.throwIfAny();
        return new BatchGetPatientsQuery(new LinkedHashSet<>(rawIds).stream().map(PatientId::new).toList());
    }

    public BatchGetPatientsQuery {
        ids = List.copyOf(new LinkedHashSet<>(ids));
    }
}
