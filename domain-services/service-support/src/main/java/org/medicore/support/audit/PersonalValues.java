package org.medicore.support.audit;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Which values of a record identify a person, and with whose key they are sealed: each patient id with that
 * patient's key; a resource id that is one of them likewise, and every resource id of a record about one patient with
 * that patient's key (an appointment or report id is theirs, and an id field may hold whatever the caller typed, an
 * e-mail or a name); a patient caller's subject and addresses with the key of that caller's account (a patient's
 * account subject is normally their patient id, so one key). Other resource ids of a record about several patients
 * can't be told apart and stay as sent. Staff callers,
 * service names, operations, roles, field paths, outcomes and times stay readable: the trail must still say who
 * looked at what after a patient is forgotten.
 */
final class PersonalValues {

    /** Callers with one of these roles act for the clinic, not as a patient, even when they are one too. */
    private static final Set<String> STAFF = Set.of("DOCTOR", "BILLING", "ADMIN");

    private PersonalValues() {
    }

    static StoredRecord sealed(AccessRecord access, PatientKeys patientKeys) {
        Set<String> persons = new LinkedHashSet<>(access.patientIds());
        boolean patientCaller = isPatient(access.roles());
        if (patientCaller) {
            persons.add(access.subject());
        }
        Map<String, DataKey> keys = patientKeys.keysOf(persons);
        Optional<DataKey> onlyPatient = access.patientIds().size() == 1 ? Optional.of(keys.get(access.patientIds().getFirst()))
                : Optional.empty();
        UnaryOperator<String> ownValue = value -> Optional.ofNullable(keys.get(value)).or(() -> onlyPatient)
                .map(key -> SealedValue.seal(key, value)).orElse(value);
        UnaryOperator<String> callerValue = value -> patientCaller && !value.isEmpty()
                ? SealedValue.seal(keys.get(access.subject()), value) : value;
        StoredRecord.Personal sealed = new StoredRecord.Personal(callerValue.apply(access.subject()),
                each(access.resourceIds(), ownValue), each(access.patientIds(), ownValue),
                callerValue.apply(access.clientAddress()), callerValue.apply(access.forwardedFor()));
        return new StoredRecord(access, sealed, keys.values().stream().map(DataKey::keyId).distinct().toList(), "");
    }

    /** The record with every value whose key is held opened, and {@link SealedValue#ERASED} for the rest. */
    static RecordedAccess opened(RecordedAccess stored, Collection<String> recordKeys, Map<String, DataKey> held) {
        UnaryOperator<String> open = value -> value == null ? null : SealedValue.open(value, recordKeys, held);
        return new RecordedAccess(stored.position(), stored.occurredAt(), open.apply(stored.subject()), stored.roles(),
                stored.clientId(), stored.service(), stored.operation(), stored.action(), stored.resourceType(),
                each(stored.resourceIds(), open),
                each(stored.patientIds(), open), stored.fieldsChanged(),
                open.apply(stored.clientAddress()), open.apply(stored.forwardedFor()), stored.outcome(), stored.status(),
                stored.traceId(), stored.approvedBy());
    }

    private static boolean isPatient(Collection<String> roles) {
        return roles.contains("PATIENT") && roles.stream().noneMatch(STAFF::contains);
    }

    private static List<String> each(List<String> values, UnaryOperator<String> change) {
        return values.stream().map(change).toList();
    }
}
