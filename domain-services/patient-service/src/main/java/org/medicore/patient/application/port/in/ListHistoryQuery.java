package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.HistoryKind;
import org.medicore.patient.domain.PatientId;

import java.util.Set;

/** A page of one patient's history in recorded order; no kinds means all kinds. */
public record ListHistoryQuery(PatientId patientId, Set<HistoryKind> kinds, boolean includeSuperseded, boolean newestFirst,
                               PageRequest page) {

    public ListHistoryQuery {
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
    }

    public boolean wants(HistoryKind kind) {
        return kinds.isEmpty() || kinds.contains(kind);
    }
}
