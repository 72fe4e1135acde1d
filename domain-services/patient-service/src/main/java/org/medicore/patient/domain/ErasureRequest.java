package org.medicore.patient.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A request to erase a patient (GDPR art. 17) and its decision. Decided by an admin who did not record it (four
 * eyes); once approved, the erasure runs until it is {@link ErasureState#DONE}, so a retry after a failure part-way
 * finishes it. {@code accountSubject} carries the patient's login from the approval to the end, as the record that
 * names it is erased on the way; it is dropped when done.
 */
public record ErasureRequest(UUID id, PatientId patientId, ErasureState state, Actor requestedBy, String reason,
                             Instant requestedAt, Optional<Actor> decidedBy, Optional<Instant> decidedAt,
                             String declineReason, Optional<Instant> erasedAt, Optional<String> accountSubject) {

    public ErasureRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(requestedBy, "requestedBy");
        reason = reason == null ? "" : reason;
        declineReason = declineReason == null ? "" : declineReason;
        accountSubject = accountSubject.filter(subject -> !subject.isBlank());
    }

    public static ErasureRequest record(PatientId patientId, Actor by, String reason, Instant now) {
        return new ErasureRequest(UUID.randomUUID(), patientId, ErasureState.PENDING, by, reason, now, Optional.empty(),
                Optional.empty(), "", Optional.empty(), Optional.empty());
    }

    /** Four eyes: whoever recorded the request does not decide it. */
    public boolean mayBeDecidedBy(Actor admin) {
        return !requestedBy.subject().equals(admin.subject());
    }

    public ErasureRequest approve(Actor by, Optional<String> patientsAccount, Instant now) {
        return new ErasureRequest(id, patientId, ErasureState.APPROVED, requestedBy, reason, requestedAt, Optional.of(by),
                Optional.of(now), "", Optional.empty(), patientsAccount);
    }

    public ErasureRequest decline(Actor by, String why, Instant now) {
        return new ErasureRequest(id, patientId, ErasureState.DECLINED, requestedBy, reason, requestedAt, Optional.of(by),
                Optional.of(now), why, Optional.empty(), Optional.empty());
    }

    /** The erasure finished, and the event that tells the other services. */
    public Erased erased(Instant now) {
        ErasureRequest done = new ErasureRequest(id, patientId, ErasureState.DONE, requestedBy, reason, requestedAt,
                decidedBy, decidedAt, "", Optional.of(now), Optional.empty());
        return new Erased(done, new PatientErased(UUID.randomUUID(), now, patientId, decidedAt.orElse(now)));
    }

    public record Erased(ErasureRequest request, PatientErased event) {
    }
}
