package org.medicore.fhir.export;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A patient's record as this caller may have it: the resources, and a note for each part left out,
 * naming the resource types it would have held, so an export says so only when it asked for them.
 */
public record PatientRecord(List<Resource> resources, List<LeftOut> leftOut) {

    public PatientRecord {
        resources = List.copyOf(resources);
        leftOut = List.copyOf(leftOut);
    }

    /** A part of the record this caller is not shown, and the note that says so. */
    public record LeftOut(Set<String> types, OperationOutcome note) {

        public LeftOut {
            types = Set.copyOf(types);
        }

        boolean concernsAnyOf(Set<String> asked) {
            return types.stream().anyMatch(asked::contains);
        }
    }

    /** The notes of what was left out, as the record's last entries. */
    public List<Resource> withNotes() {
        return Stream.concat(resources.stream(), leftOut.stream().map(LeftOut::note)).toList();
    }
}
