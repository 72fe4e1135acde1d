package org.medicore.patient.application.service;

import org.medicore.patient.domain.HistoryEntry;
import org.medicore.patient.domain.InvalidFieldsException;
import org.medicore.patient.domain.PatientId;
import org.medicore.support.port.FieldViolation;
import org.medicore.support.port.Outcome;
import org.medicore.support.port.Refusal;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * The refusals of the patient use cases as the {@link Refusal}s every service shares. Resource
 * types are the contract's message names, which callers read in {@code google.rpc.ResourceInfo}.
 */
final class PatientRefusals {

    static final String PATIENT_TYPE = "medicore.patient.v1.Patient";
    static final String HISTORY_ENTRY_TYPE = "medicore.patient.v1.HistoryEntry";

    private PatientRefusals() {
    }

    static <T> Outcome<T> unknownPatient(PatientId id) {
        return Outcome.refused(new Refusal.NotFound(PATIENT_TYPE, id.value()));
    }

    /** Another patient's record, or a role without the right; the same words whichever it is. */
    static <T> Outcome<T> denied() {
        return Outcome.refused(new Refusal.Denied("the caller may not access this patient record"));
    }

    static <T> Outcome<T> duplicate(PatientId existing) {
        return Outcome.refused(new Refusal.AlreadyExists(PATIENT_TYPE, existing.value(),
                "a patient with the same name, date of birth and e-mail exists"));
    }

    /** The contract answers an account that already owns another record as ALREADY_EXISTS, like a duplicate. */
    static <T> Outcome<T> accountLinked(PatientId existing) {
        return Outcome.refused(new Refusal.AlreadyExists(PATIENT_TYPE, existing.value(),
                "the Keycloak account is linked to another patient"));
    }

    static <T> Outcome<T> stale(long currentVersion) {
        return Outcome.refused(new Refusal.Stale(currentVersion));
    }

    static <T> Outcome<T> unknownEntry(UUID entryId) {
        return Outcome.refused(new Refusal.NotFound(HISTORY_ENTRY_TYPE, entryId.toString()));
    }

    /** The rule's name is the precondition type the contract lists (FOREIGN_ENTRY, ALREADY_SUPERSEDED). */
    static <T> Outcome<T> correctionRefused(HistoryEntry.Correction.Rule broken, UUID supersededEntryId) {
        return Outcome.refused(new Refusal.Forbidden(broken.name(), supersededEntryId.toString(), switch (broken) {
            case FOREIGN_ENTRY -> "the superseded entry belongs to another patient";
            case ALREADY_SUPERSEDED -> "the superseded entry was already corrected; correct the current entry";
        }));
    }

    static <T> Outcome<T> idempotencyKeyReused() {
        return Outcome.refused(Refusal.Invalid.of("idempotency_key",
                "was used before for a different result; a retry must repeat the request unchanged"));
    }

    /**
     * Runs a use case; what the domain finds invalid only now (a date of birth after today, a change
     * that leaves the record invalid, a page token of another list) is its {@link Refusal.Invalid}.
     * The one place the domain's field violations become the shared ones.
     */
    static <T> Outcome<T> checkingFields(Supplier<Outcome<T>> useCase) {
        try {
            return useCase.get();
        } catch (InvalidFieldsException invalid) {
            return Outcome.refused(new Refusal.Invalid(invalid.violations().stream()
                    .map(violation -> new FieldViolation(violation.field(), violation.description())).toList()));
        }
    }
}
