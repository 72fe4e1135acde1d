package org.medicore.patient.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One entry of a patient's medical history. Entries are append-only: a correction is a new entry
 * that names the entry it supersedes; the superseded one stays as it was.
 */
public record HistoryEntry(UUID id, PatientId patientId, ClinicalDetail detail, Actor author, Instant recordedAt,
                           Optional<UUID> supersedes) {

    public HistoryEntry {
        supersedes = supersedes == null ? Optional.empty() : supersedes;
    }

    public HistoryKind kind() {
        return detail.kind();
    }

    /** A new fact about the patient. */
    public static HistoryEntry original(PatientId patientId, ClinicalDetail detail, Actor author, Instant now) {
        return new HistoryEntry(UUID.randomUUID(), patientId, detail, author, now, Optional.empty());
    }

    /** A correction of {@code old}: only of the same patient's entry, and only of one still current. */
    public static Correction correct(RecordedEntry old, PatientId patientId, ClinicalDetail detail, Actor author, Instant now) {
        if (!old.entry().patientId().equals(patientId)) {
            return new Correction.Refused(Correction.Rule.FOREIGN_ENTRY, old.entry().id());
        }
        if (old.supersededBy().isPresent()) {
            return new Correction.Refused(Correction.Rule.ALREADY_SUPERSEDED, old.entry().id());
        }
        return new Correction.Accepted(new HistoryEntry(UUID.randomUUID(), patientId, detail, author, now,
                Optional.of(old.entry().id())));
    }

    /** What {@link #correct} decided. */
    public sealed interface Correction {

        /** The rules a correction must keep; the names are the contract's precondition types. */
        enum Rule {
            FOREIGN_ENTRY, ALREADY_SUPERSEDED
        }

        record Accepted(HistoryEntry entry) implements Correction {
        }

        record Refused(Rule broken, UUID supersededEntryId) implements Correction {
        }
    }
}
