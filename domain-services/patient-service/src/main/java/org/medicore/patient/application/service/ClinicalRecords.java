package org.medicore.patient.application.service;

import org.medicore.patient.application.port.in.AddHistoryEntry;
import org.medicore.patient.application.port.in.AddHistoryEntryCommand;
import org.medicore.patient.application.port.in.AttachLabResult;
import org.medicore.patient.application.port.in.AttachLabResultCommand;
import org.medicore.patient.application.port.in.ListHistory;
import org.medicore.patient.application.port.in.ListHistoryQuery;
import org.medicore.patient.application.port.in.ListLabResults;
import org.medicore.patient.application.port.in.ListLabResultsQuery;
import org.medicore.patient.application.port.in.Page;
import org.medicore.patient.application.port.out.AppendOutcome;
import org.medicore.patient.application.port.out.HistoryOwner;
import org.medicore.patient.application.port.out.LabResultSaveOutcome;
import org.medicore.patient.application.port.out.LoadHistory;
import org.medicore.patient.application.port.out.LoadLabResults;
import org.medicore.patient.application.port.out.LoadPatient;
import org.medicore.patient.application.port.out.SaveHistoryEntry;
import org.medicore.patient.application.port.out.SaveLabResult;
import org.medicore.patient.domain.Caller;
import org.medicore.patient.domain.HistoryEntry;
import org.medicore.patient.domain.LabResult;
import org.medicore.patient.domain.Patient;
import org.medicore.patient.domain.PatientAccess;
import org.medicore.patient.domain.PatientId;
import org.medicore.patient.domain.RecordedEntry;
import org.medicore.support.port.Outcome;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiPredicate;

/** The clinical use cases: the append-only medical history and the lab results attached to a patient. */
public final class ClinicalRecords implements AddHistoryEntry, ListHistory, AttachLabResult, ListLabResults {

    private final LoadPatient loadPatient;
    private final LoadHistory loadHistory;
    private final SaveHistoryEntry saveHistory;
    private final LoadLabResults loadLabResults;
    private final SaveLabResult saveLabResult;
    private final Clock clock;

    public ClinicalRecords(LoadPatient loadPatient, LoadHistory loadHistory, SaveHistoryEntry saveHistory,
                           LoadLabResults loadLabResults, SaveLabResult saveLabResult, Clock clock) {
        this.loadPatient = loadPatient;
        this.loadHistory = loadHistory;
        this.saveHistory = saveHistory;
        this.loadLabResults = loadLabResults;
        this.saveLabResult = saveLabResult;
        this.clock = clock;
    }

    @Override
    public Outcome<HistoryEntry> add(Caller caller, AddHistoryEntryCommand command) {
        Optional<Outcome<HistoryEntry>> refused = refused(caller, command.patientId(), PatientAccess::mayRecordClinicalData);
        if (refused.isPresent()) {
            return refused.get();
        }
        Instant now = clock.instant();
        if (command.supersedes().isEmpty()) {
            return append(HistoryEntry.original(command.patientId(), command.detail(), caller.asActor(), now));
        }
        Optional<RecordedEntry> old = loadHistory.findEntry(command.supersedes().get());
        if (old.isEmpty()) {
            return PatientRefusals.unknownEntry(command.supersedes().get());
        }
        return switch (HistoryEntry.correct(old.get(), command.patientId(), command.detail(), caller.asActor(), now)) {
            case HistoryEntry.Correction.Accepted accepted -> append(accepted.entry());
            case HistoryEntry.Correction.Refused refusal ->
                    PatientRefusals.correctionRefused(refusal.broken(), refusal.supersededEntryId());
        };
    }

    @Override
    public Outcome<Page<RecordedEntry>> list(Caller caller, ListHistoryQuery query) {
        return PatientRefusals.checkingFields(() -> {
            Optional<HistoryOwner> owner = loadHistory.owner(query.patientId());
            if (owner.isEmpty()) {
                return PatientRefusals.unknownPatient(query.patientId());
            }
            return PatientAccess.mayReadClinicalData(caller, owner.get().patient())
                    ? Outcome.done(loadHistory.page(query, owner.get())) : PatientRefusals.denied();
        });
    }

    @Override
    public Outcome<LabResult> attach(Caller caller, AttachLabResultCommand command) {
        return PatientRefusals.checkingFields(() -> {
            Optional<Outcome<LabResult>> refused = refused(caller, command.patientId(), PatientAccess::mayRecordClinicalData);
            if (refused.isPresent()) {
                return refused.get();
            }
            LabResult result = LabResult.attach(command.patientId(), command.measurement(), clock.instant());
            return switch (saveLabResult.save(command.idempotencyKey(), result)) {
                case LabResultSaveOutcome.Saved saved -> Outcome.done(result);
                case LabResultSaveOutcome.KeyTaken taken -> taken.stored().isRepeatOf(command.patientId(), command.measurement())
                        ? Outcome.done(taken.stored()) : PatientRefusals.idempotencyKeyReused();
            };
        });
    }

    @Override
    public Outcome<Page<LabResult>> list(Caller caller, ListLabResultsQuery query) {
        return PatientRefusals.checkingFields(() -> {
            Optional<Outcome<Page<LabResult>>> refused = refused(caller, query.patientId(), PatientAccess::mayReadClinicalData);
            return refused.orElseGet(() -> Outcome.done(loadLabResults.page(query)));
        });
    }

    private Outcome<HistoryEntry> append(HistoryEntry entry) {
        return switch (saveHistory.append(entry)) {
            case AppendOutcome.Appended appended -> Outcome.done(entry);
            // Lost a race against another correction of the same entry: the rule the loser broke.
            case AppendOutcome.AlreadySuperseded taken -> PatientRefusals.correctionRefused(
                    HistoryEntry.Correction.Rule.ALREADY_SUPERSEDED, entry.supersedes().orElseThrow());
        };
    }

    /** Why the caller may not go on with this patient: unknown, or the rule does not let them in. */
    private <T> Optional<Outcome<T>> refused(Caller caller, PatientId id, BiPredicate<Caller, Patient> rule) {
        Optional<Patient> patient = loadPatient.load(id);
        if (patient.isEmpty()) {
            return Optional.of(PatientRefusals.unknownPatient(id));
        }
        return rule.test(caller, patient.get()) ? Optional.empty() : Optional.of(PatientRefusals.denied());
    }
}
