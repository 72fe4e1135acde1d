package org.medicore.patient.application.service;

import org.medicore.patient.application.port.in.ListHistoryQuery;
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
import org.medicore.patient.domain.HistoryEntry;
import org.medicore.patient.domain.LabResult;
import org.medicore.patient.domain.PatientId;
import org.medicore.patient.domain.RecordedEntry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** History and lab results in memory, with the adapter's rules: one correction per entry, one result per key; no paging. */
final class InMemoryClinicalStore implements LoadHistory, SaveHistoryEntry, LoadLabResults, SaveLabResult {

    final Map<UUID, HistoryEntry> entries = new LinkedHashMap<>();
    private final LoadPatient patients;
    final Map<String, LabResult> resultsByKey = new LinkedHashMap<>();
    private final Map<UUID, UUID> supersededBy = new HashMap<>();

    @Override
    public Optional<RecordedEntry> findEntry(UUID entryId) {
        return Optional.ofNullable(entries.get(entryId)).map(this::recorded);
    }

    InMemoryClinicalStore(LoadPatient patients) {
        this.patients = patients;
    }

    @Override
    public Optional<HistoryOwner> owner(PatientId patient) {
        return patients.load(patient).map(found -> new HistoryOwner(found, supersededBy));
    }

    @Override
    public Page<RecordedEntry> page(ListHistoryQuery query, HistoryOwner owner) {
        Comparator<HistoryEntry> order = Comparator.comparing(HistoryEntry::recordedAt);
        return new Page<>(entries.values().stream()
                .filter(e -> e.patientId().equals(query.patientId()) && query.wants(e.kind()))
                .sorted(query.newestFirst() ? order.reversed() : order)
                .map(this::recorded).filter(r -> query.includeSuperseded() || r.isCurrent())
                .limit(query.page().size()).toList(), "");
    }

    @Override
    public AppendOutcome append(HistoryEntry entry) {
        Optional<UUID> taken = entry.supersedes().map(supersededBy::get);
        if (taken.isPresent()) {
            return new AppendOutcome.AlreadySuperseded(taken.get());
        }
        entry.supersedes().ifPresent(old -> supersededBy.put(old, entry.id()));
        entries.put(entry.id(), entry);
        return new AppendOutcome.Appended();
    }

    @Override
    public LabResultSaveOutcome save(String idempotencyKey, LabResult result) {
        LabResult stored = resultsByKey.putIfAbsent(idempotencyKey, result);
        return stored == null ? new LabResultSaveOutcome.Saved() : new LabResultSaveOutcome.KeyTaken(stored);
    }

    @Override
    public Page<LabResult> page(ListLabResultsQuery query) {
        List<LabResult> results = new ArrayList<>(resultsByKey.values().stream()
                .filter(r -> r.patientId().equals(query.patientId()))
                .filter(r -> query.code().isEmpty() || query.code().equals(r.measurement().code())).toList());
        results.sort(Comparator.comparing((LabResult r) -> r.measurement().observedAt()).reversed());
        return new Page<>(results.stream().limit(query.page().size()).toList(), "");
    }

    private RecordedEntry recorded(HistoryEntry entry) {
        return new RecordedEntry(entry, Optional.ofNullable(supersededBy.get(entry.id())));
    }
}
