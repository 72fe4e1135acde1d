package org.medicore.patient.application.port.out;

import org.medicore.patient.domain.Patient;

import java.util.Map;
import java.util.UUID;

/** A patient and the corrections of their history: superseded entry -> the entry that corrects it. */
public record HistoryOwner(Patient patient, Map<UUID, UUID> corrections) {

    public HistoryOwner {
        corrections = Map.copyOf(corrections);
    }
}
