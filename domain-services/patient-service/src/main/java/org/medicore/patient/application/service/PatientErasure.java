package org.medicore.patient.application.service;

import org.medicore.patient.application.port.in.DecideErasure;
import org.medicore.patient.application.port.in.ErasureRequestPage;
import org.medicore.patient.application.port.in.PageRequest;
import org.medicore.patient.application.port.in.ReadErasureRequests;
import org.medicore.patient.application.port.in.RequestErasure;
import org.medicore.patient.application.port.in.RequestErasureCommand;
import org.medicore.patient.application.port.out.DeletePatientAccount;
import org.medicore.patient.application.port.out.ErasePatientRecords;
import org.medicore.patient.application.port.out.ForgetPatientInAuditTrail;
import org.medicore.patient.application.port.out.LoadErasureRequests;
import org.medicore.patient.application.port.out.LoadPatient;
import org.medicore.patient.application.port.out.SaveErasureRequest;
import org.medicore.patient.domain.Caller;
import org.medicore.patient.domain.ErasureRequest;
import org.medicore.patient.domain.ErasureState;
import org.medicore.patient.domain.InvalidFieldsException;
import org.medicore.patient.domain.Patient;
import org.medicore.patient.domain.Role;
import org.medicore.support.port.FieldViolation;
import org.medicore.support.port.Outcome;
import org.medicore.support.port.Refusal;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Erasure on request (GDPR art. 17): the request, its four-eyes decision, and on approval patient-service's part of
 * the erasure, in an order a retry can finish: the request is marked approved (with the patient's login, which the
 * record names), then the login, the audit trail's key and the stored records go, and last the request is marked done
 * together with the {@code PatientErased} event, so the event is announced once, when everything here is gone.
 */
public final class PatientErasure implements RequestErasure, DecideErasure, ReadErasureRequests {

    static final String PATIENT = "patient";
    static final String REQUEST = "erasure request";

    private final LoadPatient loadPatient;
    private final LoadErasureRequests loadRequests;
    private final SaveErasureRequest saveRequest;
    private final DeletePatientAccount deleteAccount;
    private final ForgetPatientInAuditTrail auditTrail;
    private final ErasePatientRecords records;
    private final boolean keepClinicalRecords;
    private final Clock clock;

    /** @param keepClinicalRecords the clinic's duty to keep medical records: history and lab results stay, unnamed */
    public PatientErasure(LoadPatient loadPatient, LoadErasureRequests loadRequests, SaveErasureRequest saveRequest,
                          DeletePatientAccount deleteAccount, ForgetPatientInAuditTrail auditTrail,
                          ErasePatientRecords records, boolean keepClinicalRecords, Clock clock) {
        this.loadPatient = loadPatient;
        this.loadRequests = loadRequests;
        this.saveRequest = saveRequest;
        this.deleteAccount = deleteAccount;
        this.auditTrail = auditTrail;
        this.records = records;
        this.keepClinicalRecords = keepClinicalRecords;
        this.clock = clock;
    }

    @Override
    public Outcome<ErasureRequest> request(Caller caller, RequestErasureCommand command) {
        Optional<Patient> patient = loadPatient.load(command.patientId());
        if (patient.isEmpty()) {
            return Outcome.refused(new Refusal.NotFound(PATIENT, command.patientId().value()));
        }
        boolean admin = caller.is(Role.ADMIN);
        if (!admin && !(caller.is(Role.PATIENT) && patient.get().isOwnedBy(caller.subject()))) {
            return Outcome.refused(new Refusal.Denied("only the patient themself or an admin may ask for an erasure"));
        }
        if (admin && command.reason().isEmpty()) {
            return Outcome.refused(Refusal.Invalid.of("reason", "is required when an admin records the request"));
        }
        ErasureRequest request = ErasureRequest.record(command.patientId(), caller.asActor(), command.reason(), clock.instant());
        return saveRequest.insertUnlessOpen(request)
                .map(open -> loadRequests.load(open).map(Outcome::done)
                        .orElseThrow(() -> new IllegalStateException("the open erasure request " + open + " is missing")))
                .orElseGet(() -> Outcome.done(request));
    }

    @Override
    public Outcome<ErasureRequest> approve(Caller caller, UUID requestId) {
        return decidableRequest(caller, requestId).map(request -> approveOrFinish(caller, request))
                .orElseGet(() -> refusal(caller, requestId));
    }

    @Override
    public Outcome<ErasureRequest> decline(Caller caller, UUID requestId, String reason) {
        Optional<ErasureRequest> request = decidableRequest(caller, requestId);
        if (request.isEmpty()) {
            return refusal(caller, requestId);
        }
        if (request.get().state() != ErasureState.PENDING) {
            return alreadyDecided(request.get(), "ALREADY_DECIDED", "the erasure request was decided already");
        }
        ErasureRequest declined = request.get().decline(caller.asActor(), reason, clock.instant());
        return saveRequest.decide(ErasureState.PENDING, declined) ? Outcome.done(declined)
                : alreadyDecided(declined, "ALREADY_DECIDED", "the erasure request was decided meanwhile");
    }

    @Override
    public Outcome<ErasureRequest> get(Caller caller, UUID requestId) {
        Optional<ErasureRequest> request = loadRequests.load(requestId);
        if (request.isEmpty()) {
            return Outcome.refused(new Refusal.NotFound(REQUEST, requestId.toString()));
        }
        // after the erasure the record that links the login is gone: then only the patient who asked reads it
        boolean concernsCaller = caller.is(Role.PATIENT) && (request.get().requestedBy().subject().equals(caller.subject())
                || loadPatient.load(request.get().patientId()).filter(patient -> patient.isOwnedBy(caller.subject())).isPresent());
        return caller.is(Role.ADMIN) || concernsCaller ? Outcome.done(request.get())
                : Outcome.refused(new Refusal.Denied("only an admin or the patient concerned may read an erasure request"));
    }

    @Override
    public Outcome<ErasureRequestPage> pending(Caller caller, PageRequest page) {
        if (!caller.is(Role.ADMIN)) {
            return Outcome.refused(new Refusal.Denied("only an admin may list erasure requests"));
        }
        try {
            return Outcome.done(loadRequests.pending(page.size(), page.token()));
        } catch (InvalidFieldsException foreignToken) {
            return Outcome.refused(new Refusal.Invalid(foreignToken.violations().stream()
                    .map(violation -> new FieldViolation(violation.field(), violation.description())).toList()));
        }
    }

    private Outcome<ErasureRequest> approveOrFinish(Caller caller, ErasureRequest request) {
        return switch (request.state()) {
            case PENDING -> approveAndErase(caller, request);
            case APPROVED -> Outcome.done(erase(caller, request));
            case DONE -> alreadyDecided(request, "ALREADY_ERASED", "the patient was erased already; nothing was changed");
            case DECLINED -> alreadyDecided(request, "ALREADY_DECLINED", "the erasure request was declined");
        };
    }

    /** The request an admin who did not record it may decide; empty when the caller may not (see {@link #refusal}). */
    private Optional<ErasureRequest> decidableRequest(Caller caller, UUID requestId) {
        if (!caller.is(Role.ADMIN)) {
            return Optional.empty();
        }
        return loadRequests.load(requestId).filter(request -> request.mayBeDecidedBy(caller.asActor()));
    }

    private Outcome<ErasureRequest> refusal(Caller caller, UUID requestId) {
        if (!caller.is(Role.ADMIN)) {
            return Outcome.refused(new Refusal.Denied("only an admin may decide an erasure request"));
        }
        if (loadRequests.load(requestId).isEmpty()) {
            return Outcome.refused(new Refusal.NotFound(REQUEST, requestId.toString()));
        }
        return Outcome.refused(new Refusal.Denied("four eyes: the admin who recorded the erasure request may not decide it"));
    }

    private Outcome<ErasureRequest> approveAndErase(Caller caller, ErasureRequest pending) {
        Optional<String> account = loadPatient.load(pending.patientId()).flatMap(Patient::keycloakSubject);
        ErasureRequest approved = pending.approve(caller.asActor(), account, clock.instant());
        if (saveRequest.decide(ErasureState.PENDING, approved)) {
            return Outcome.done(erase(caller, approved));
        }
        // another admin decided it at the same moment: go on from where that decision left it
        return approve(caller, pending.id());
    }

    /** Every step removes what is left of its part, so the whole may run again after a failure. */
    private ErasureRequest erase(Caller caller, ErasureRequest approved) {
        approved.accountSubject().ifPresent(deleteAccount::delete);
        String approver = approved.decidedBy().orElseThrow().subject();
        auditTrail.forget(approved.patientId(), approved.accountSubject(), caller.subject(), approver);
        records.erase(approved.patientId(), keepClinicalRecords);
        ErasureRequest.Erased erased = approved.erased(clock.instant());
        if (saveRequest.finish(erased)) {
            return erased.request();
        }
        return loadRequests.load(approved.id()).orElseThrow();
    }

    private static Outcome<ErasureRequest> alreadyDecided(ErasureRequest request, String rule, String description) {
        return Outcome.refused(new Refusal.Forbidden(rule, request.id().toString(), description));
    }
}
