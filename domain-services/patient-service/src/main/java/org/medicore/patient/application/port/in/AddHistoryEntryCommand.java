package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.ClinicalDetail;
import org.medicore.patient.domain.PatientId;
import org.medicore.patient.domain.Violations;

import java.util.Optional;
import java.util.UUID;

/** A new history entry; with {@code supersedes} it corrects an earlier entry of the same patient. */
public record AddHistoryEntryCommand(PatientId patientId, ClinicalDetail detail, Optional<UUID> supersedes) {

    public static final String DETAIL_REQUIRED = "exactly one of condition, allergy, medication or note is required";

    public AddHistoryEntryCommand {
        supersedes = supersedes == null ? Optional.empty() : supersedes;
        if (detail == null) {
            new Violations().add("detail", DETAIL_REQUIRED).throwIfAny();
        }
    }
}
