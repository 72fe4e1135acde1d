package org.medicore.patient.application.service;

import org.medicore.patient.application.port.in.ErasureRequestPage;
import org.medicore.patient.application.port.out.DeletePatientAccount;
import org.medicore.patient.application.port.out.ErasePatientRecords;
import org.medicore.patient.application.port.out.ForgetPatientInAuditTrail;
import org.medicore.patient.application.port.out.LoadErasureRequests;
import org.medicore.patient.application.port.out.SaveErasureRequest;
import org.medicore.patient.domain.ErasureRequest;
import org.medicore.patient.domain.ErasureState;
import org.medicore.patient.domain.PatientErased;
import org.medicore.patient.domain.PatientId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The erasure's ports faked in memory: requests with the adapter's state conditions, and what the erasure did to the
 * patient's login, audit trail and records; {@link #failAccountDeletions} makes the login's deletion fail as an
 * unreachable Keycloak would.
 */
final class InMemoryErasure implements LoadErasureRequests, SaveErasureRequest, DeletePatientAccount,
        ForgetPatientInAuditTrail, ErasePatientRecords {

    final Map<UUID, ErasureRequest> requests = new LinkedHashMap<>();
    final List<PatientErased> outbox = new ArrayList<>();
    final List<String> deletedAccounts = new ArrayList<>();
    final List<String> forgotten = new ArrayList<>();
    final List<String> erasedRecords = new ArrayList<>();
    int failAccountDeletions;

    @Override
    public Optional<ErasureRequest> load(UUID requestId) {
        return Optional.ofNullable(requests.get(requestId));
    }

    @Override
    public ErasureRequestPage pending(int size, String pageToken) {
        return new ErasureRequestPage(requests.values().stream().filter(request -> request.state() == ErasureState.PENDING)
                .sorted(Comparator.comparing(ErasureRequest::requestedAt)).limit(size).toList(), "");
    }

    @Override
    public Optional<UUID> insertUnlessOpen(ErasureRequest request) {
        Optional<UUID> open = requests.values().stream().filter(stored -> stored.patientId().equals(request.patientId()))
                .filter(stored -> stored.state() == ErasureState.PENDING || stored.state() == ErasureState.APPROVED)
                .map(ErasureRequest::id).findFirst();
        if (open.isEmpty()) {
            requests.put(request.id(), request);
        }
        return open;
    }

    @Override
    public boolean decide(ErasureState from, ErasureRequest decided) {
        return replaceIfIn(from, decided);
    }

    @Override
    public boolean finish(ErasureRequest.Erased erased) {
        boolean finished = replaceIfIn(ErasureState.APPROVED, erased.request());
        if (finished) {
            outbox.add(erased.event());
        }
        return finished;
    }

    @Override
    public void delete(String accountSubject) {
        if (failAccountDeletions > 0) {
            failAccountDeletions--;
            throw new IllegalStateException("Keycloak could not be reached to delete an account");
        }
        deletedAccounts.add(accountSubject);
    }

    @Override
    public void forget(PatientId patient, Optional<String> accountSubject, String erasedBy, String approvedBy) {
        forgotten.add(patient.value() + " erased by " + erasedBy + " approved by " + approvedBy);
    }

    @Override
    public void erase(PatientId patient, boolean keepClinicalRecords) {
        erasedRecords.add(patient.value() + (keepClinicalRecords ? " keeping clinical records" : ""));
    }

    private boolean replaceIfIn(ErasureState from, ErasureRequest changed) {
        if (requests.get(changed.id()).state() != from) {
            return false;
        }
        requests.put(changed.id(), changed);
        return true;
    }
}
