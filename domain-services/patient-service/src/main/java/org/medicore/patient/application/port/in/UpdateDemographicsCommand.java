package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.DemographicsEdit;
import org.medicore.patient.domain.PatientId;
import org.medicore.patient.domain.Violations;

import java.util.List;

/** The edits named by an update mask, for the version the caller read. */
public record UpdateDemographicsCommand(PatientId patientId, long expectedVersion, List<DemographicsEdit> edits) {

    public UpdateDemographicsCommand {
        edits = edits == null ? List.of() : List.copyOf(edits);
        Violations violations = new Violations();
        if (expectedVersion < 1) {
            violations.add("expected_version", "must be the version read, 1 or more");
        }
        if (edits.isEmpty()) {
            violations.add("update_mask", "must name at least one field");
        }
        violations.throwIfAny();
    }
}
