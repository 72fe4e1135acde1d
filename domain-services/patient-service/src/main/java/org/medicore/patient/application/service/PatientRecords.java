package org.medicore.patient.application.service;

import org.medicore.patient.application.port.in.BatchGetPatientsQuery;
import org.medicore.patient.application.port.in.BatchLookup;
import org.medicore.patient.application.port.in.GetPatients;
import org.medicore.patient.application.port.in.PatientPage;
import org.medicore.patient.application.port.in.RegisterPatient;
import org.medicore.patient.application.port.in.RegisterPatientCommand;
import org.medicore.patient.application.port.in.SearchPatients;
import org.medicore.patient.application.port.in.SearchPatientsQuery;
import org.medicore.patient.application.port.in.UpdateDemographics;
import org.medicore.patient.application.port.in.UpdateDemographicsCommand;
import org.medicore.patient.application.port.out.LoadPatient;
import org.medicore.patient.application.port.out.SavePatient;
import org.medicore.patient.application.port.out.SaveOutcome;
import org.medicore.patient.application.port.out.SearchPatientRecords;
import org.medicore.patient.domain.Caller;
import org.medicore.patient.domain.DemographicsChange;
import org.medicore.patient.domain.Patient;
import org.medicore.patient.domain.PatientAccess;
import org.medicore.patient.domain.PatientId;
import org.medicore.patient.domain.Role;
import org.medicore.patient.domain.SearchableName;
import org.medicore.support.port.Outcome;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The patient-record use cases: registration, reads, search and demographic changes. */
public final class PatientRecords implements RegisterPatient, GetPatients, SearchPatients, UpdateDemographics {

    private final LoadPatient loadPatient;
    private final SearchPatientRecords searchRecords;
    private final SavePatient savePatient;
    private final Clock clock;

    public PatientRecords(LoadPatient loadPatient, SearchPatientRecords searchRecords, SavePatient savePatient, Clock clock) {
        this.loadPatient = loadPatient;
        this.searchRecords = searchRecords;
        this.savePatient = savePatient;
        this.clock = clock;
    }

    @Override
    public Outcome<Patient> register(Caller caller, RegisterPatientCommand command) {
        return PatientRefusals.checkingFields(() -> registered(caller, command));
    }

    private Outcome<Patient> registered(Caller caller, RegisterPatientCommand command) {
        // A patient registering themselves is linked to their own account, whatever the request said.
        Optional<String> subject = command.keycloakSubject().or(() -> caller.is(Role.PATIENT) && !isStaff(caller)
                ? Optional.of(caller.subject()) : Optional.empty());
        if (!PatientAccess.mayRegister(caller, subject)) {
            return PatientRefusals.denied();
        }
        Patient.Registration registration = Patient.register(PatientId.forAccount(subject), command.demographics(), subject,
                command.registeredAtClinicId(), clock.instant());
        return switch (savePatient.insert(registration.patient(), registration.event())) {
            case SaveOutcome.Saved saved -> Outcome.done(registration.patient());
            case SaveOutcome.DuplicateKeyTaken taken -> sameRegistration(taken.existing(), registration.patient())
                    .map(Outcome::done).orElseGet(() -> PatientRefusals.duplicate(taken.existing()));
            case SaveOutcome.SubjectTaken taken -> sameRegistration(taken.existing(), registration.patient())
                    .map(Outcome::done).orElseGet(() -> PatientRefusals.accountLinked(taken.existing()));
            case SaveOutcome.VersionConflict conflict -> throw new IllegalStateException("a new patient has no version to conflict with");
        };
    }

    /**
     * The stored record when a registration repeats one for the same account with the same
     * demographics (a retry after a lost answer): registering is idempotent for an account.
     */
    private Optional<Patient> sameRegistration(PatientId existing, Patient repeated) {
        if (repeated.keycloakSubject().isEmpty()) {
            return Optional.empty();
        }
        return loadPatient.load(existing).filter(stored -> stored.keycloakSubject().equals(repeated.keycloakSubject())
                && stored.demographics().equals(repeated.demographics()));
    }

    @Override
    public Outcome<Patient> get(Caller caller, PatientId id) {
        Optional<Patient> patient = loadPatient.load(id);
        if (patient.isEmpty()) {
            return PatientRefusals.unknownPatient(id);
        }
        return PatientAccess.mayReadDemographics(caller, patient.get()) ? Outcome.done(patient.get()) : PatientRefusals.denied();
    }

    @Override
    public Outcome<BatchLookup> getAll(Caller caller, BatchGetPatientsQuery query) {
        Map<PatientId, Patient> visible = loadPatient.loadAll(query.ids()).stream()
                .filter(patient -> PatientAccess.mayReadDemographics(caller, patient))
                .collect(Collectors.toMap(Patient::id, Function.identity()));
        List<Patient> found = query.ids().stream().filter(visible::containsKey).map(visible::get).toList();
        List<PatientId> missing = query.ids().stream().filter(id -> !visible.containsKey(id)).toList();
        return Outcome.done(new BatchLookup(found, missing));
    }

    @Override
    public Outcome<PatientPage> search(Caller caller, SearchPatientsQuery query) {
        return PatientRefusals.checkingFields(() -> Outcome.done(found(caller, query)));
    }

    private PatientPage found(Caller caller, SearchPatientsQuery query) {
        if (isStaff(caller)) {
            return searchRecords.search(query);
        }
        // A patient can only ever find their own record: look it up directly rather than filter pages.
        List<Patient> own = loadPatient.loadByKeycloakSubject(caller.subject())
                .filter(patient -> matches(patient, query)).stream().toList();
        return new PatientPage(caller.is(Role.PATIENT) ? own : List.of(), "");
    }

    @Override
    public Outcome<Patient> update(Caller caller, UpdateDemographicsCommand command) {
        return PatientRefusals.checkingFields(() -> updated(caller, command));
    }

    private Outcome<Patient> updated(Caller caller, UpdateDemographicsCommand command) {
        Optional<Patient> current = loadPatient.load(command.patientId());
        if (current.isEmpty()) {
            return PatientRefusals.unknownPatient(command.patientId());
        }
        Patient patient = current.get();
        if (!PatientAccess.mayChangeDemographics(caller, patient)) {
            return PatientRefusals.denied();
        }
        return switch (patient.changeDemographics(command.expectedVersion(), command.edits(), clock.instant())) {
            case DemographicsChange.StaleVersion stale -> PatientRefusals.stale(stale.currentVersion());
            case DemographicsChange.Changed changed -> switch (savePatient.replace(patient, changed.patient(), changed.contactChanged())) {
                case SaveOutcome.Saved saved -> Outcome.done(changed.patient());
                case SaveOutcome.VersionConflict conflict -> PatientRefusals.stale(conflict.currentVersion());
                case SaveOutcome.DuplicateKeyTaken taken -> PatientRefusals.duplicate(taken.existing());
                case SaveOutcome.SubjectTaken taken -> throw new IllegalStateException("demographic changes never touch the subject");
            };
        };
    }

    private static boolean isStaff(Caller caller) {
        return caller.is(Role.ADMIN) || caller.is(Role.DOCTOR) || caller.is(Role.BILLING);
    }

    private static boolean matches(Patient patient, SearchPatientsQuery query) {
        SearchableName name = patient.demographics().searchableName();
        return name.family().startsWith(query.familyNamePrefix())
                && name.given().startsWith(query.givenNamePrefix())
                && query.dateOfBirth().map(patient.demographics().dateOfBirth()::equals).orElse(true);
    }
}
