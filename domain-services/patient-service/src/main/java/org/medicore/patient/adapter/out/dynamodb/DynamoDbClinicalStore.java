package org.medicore.patient.adapter.out.dynamodb;

import org.medicore.patient.application.port.in.ListHistoryQuery;
import org.medicore.patient.application.port.in.ListLabResultsQuery;
import org.medicore.patient.application.port.in.Page;
import org.medicore.patient.application.port.out.AppendOutcome;
import org.medicore.patient.application.port.out.HistoryOwner;
import org.medicore.patient.application.port.out.LabResultSaveOutcome;
import org.medicore.patient.application.port.out.LoadHistory;
import org.medicore.patient.application.port.out.LoadLabResults;
import org.medicore.patient.application.port.out.SaveHistoryEntry;
import org.medicore.patient.application.port.out.SaveLabResult;
import org.medicore.patient.domain.HistoryEntry;
import org.medicore.patient.domain.HistoryKind;
import org.medicore.patient.domain.LabResult;
import org.medicore.patient.domain.Patient;
import org.medicore.patient.domain.PatientId;
import org.medicore.patient.domain.RecordedEntry;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import static org.medicore.patient.adapter.out.dynamodb.PatientItems.s;

/** A patient's medical history and lab results, in the patient's partition of the single table. */
final class DynamoDbClinicalStore implements LoadHistory, SaveHistoryEntry, LoadLabResults, SaveLabResult {

    private final DynamoDbClient dynamoDb;
    private final String table;

    DynamoDbClinicalStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<RecordedEntry> findEntry(UUID entryId) {
        return get(ClinicalItems.entryLocatorKey(entryId)).map(locator -> {
            HistoryEntry entry = ClinicalItems.toEntry(get(ClinicalItems.pointedKey(locator)).orElseThrow(
                    () -> new IllegalStateException("history entry " + entryId + " has a locator but no item")));
            return new RecordedEntry(entry, get(ClinicalItems.supersessionKey(entry.patientId(), entryId))
                    .map(ClinicalItems::supersedingEntry));
        });
    }

    /**
     * One query from the profile to the end of the partition: the profile sorts right before the
     * supersessions ({@code PROFILE} < {@code SUPERSEDED#}), and history, lab results and outbox
     * items all sort before it.
     */
    @Override
    public Optional<HistoryOwner> owner(PatientId patient) {
        QueryRequest request = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk AND #sk >= :profile")
                .expressionAttributeNames(Map.of("#pk", PatientTable.PK, "#sk", PatientTable.SK))
                .expressionAttributeValues(Map.of(":pk", s(PatientItems.partition(patient)), ":profile", s(PatientItems.PROFILE)))
                .build();
        Optional<Patient> found = Optional.empty();
        Map<UUID, UUID> corrections = new HashMap<>();
        for (Map<String, AttributeValue> item : dynamoDb.queryPaginator(request).items()) {
            String sortKey = item.get(PatientTable.SK).s();
            if (sortKey.equals(PatientItems.PROFILE)) {
                found = Optional.of(PatientItems.toPatient(item));
            } else if (sortKey.startsWith(ClinicalItems.SUPERSEDED_PREFIX)) {
                corrections.put(ClinicalItems.supersededEntry(item), ClinicalItems.supersedingEntry(item));
            }
        }
        return found.map(owner -> new HistoryOwner(owner, corrections));
    }

    @Override
    public Page<RecordedEntry> page(ListHistoryQuery query, HistoryOwner owner) {
        Map<UUID, UUID> supersededBy = owner.corrections();
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        QueryRequest.Builder request = partitionQuery(query.patientId(), ClinicalItems.HISTORY_PREFIX, names, values)
                .scanIndexForward(!query.newestFirst());
        if (!query.kinds().isEmpty()) {
            List<String> placeholders = new ArrayList<>();
            for (HistoryKind kind : query.kinds()) {
                placeholders.add(":kind_" + kind.name());
                values.put(placeholders.getLast(), s(kind.name()));
            }
            names.put("#kind", "kind");
            request.filterExpression("#kind IN (" + String.join(", ", placeholders) + ")");
        }
        request.expressionAttributeNames(names).expressionAttributeValues(values);
        Predicate<Map<String, AttributeValue>> wanted = item ->
                query.includeSuperseded() || !supersededBy.containsKey(ClinicalItems.entryId(item));
        QueryPages.Result page = QueryPages.read(dynamoDb, request.build(), wanted, query.page().size(), query.page().token(),
                cursor(query.patientId(), ClinicalItems.HISTORY_PREFIX));
        return new Page<>(page.items().stream().map(ClinicalItems::toEntry)
                .map(entry -> new RecordedEntry(entry, Optional.ofNullable(supersededBy.get(entry.id())))).toList(),
                page.nextPageToken());
    }

    @Override
    public AppendOutcome append(HistoryEntry entry) {
        List<TransactWriteItem> writes = new ArrayList<>(List.of(
                PatientTable.putIfAbsent(table, ClinicalItems.toItem(entry)),
                PatientTable.putIfAbsent(table, ClinicalItems.entryLocator(entry))));
        entry.supersedes().ifPresent(old -> writes.add(
                PatientTable.putIfAbsent(table, ClinicalItems.supersession(entry.patientId(), old, entry.id()))));
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(writes));
            return new AppendOutcome.Appended();
        } catch (TransactionCanceledException e) {
            if (entry.supersedes().isPresent() && PatientTable.conditionFailedAt(e, 2)) {
                UUID old = entry.supersedes().get();
                return new AppendOutcome.AlreadySuperseded(get(ClinicalItems.supersessionKey(entry.patientId(), old))
                        .map(ClinicalItems::supersedingEntry).orElseThrow(() -> e));
            }
            throw e;
        }
    }

    @Override
    public LabResultSaveOutcome save(String idempotencyKey, LabResult result) {
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(
                    PatientTable.putIfAbsent(table, ClinicalItems.toItem(result, idempotencyKey)),
                    PatientTable.putIfAbsent(table, ClinicalItems.labKeyClaim(idempotencyKey, result))));
            return new LabResultSaveOutcome.Saved();
        } catch (TransactionCanceledException e) {
            if (PatientTable.conditionFailedAt(e, 1)) {
                // The claim and its result were written together, so a claim always leads to its result.
                return new LabResultSaveOutcome.KeyTaken(get(ClinicalItems.labKeyClaimKey(idempotencyKey))
                        .flatMap(claim -> get(ClinicalItems.pointedKey(claim)))
                        .map(ClinicalItems::toLabResult).orElseThrow(() -> e));
            }
            throw e;
        }
    }

    @Override
    public Page<LabResult> page(ListLabResultsQuery query) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        QueryRequest.Builder request = partitionQuery(query.patientId(), ClinicalItems.LAB_PREFIX, names, values)
                .scanIndexForward(false);
        if (!query.code().isEmpty()) {
            names.put("#code", "code");
            values.put(":code", s(query.code()));
            request.filterExpression("#code = :code");
        }
        request.expressionAttributeNames(names).expressionAttributeValues(values);
        QueryPages.Result page = QueryPages.read(dynamoDb, request.build(), item -> true, query.page().size(),
                query.page().token(), cursor(query.patientId(), ClinicalItems.LAB_PREFIX));
        return new Page<>(page.items().stream().map(ClinicalItems::toLabResult).toList(), page.nextPageToken());
    }

    /** The items of one patient whose sort key starts with {@code prefix}; names and values open for filters. */
    private QueryRequest.Builder partitionQuery(PatientId patient, String prefix, Map<String, String> names,
                                                Map<String, AttributeValue> values) {
        names.put("#pk", PatientTable.PK);
        names.put("#sk", PatientTable.SK);
        values.put(":pk", s(PatientItems.partition(patient)));
        values.put(":prefix", s(prefix));
        return QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)");
    }

    /** A page token of this list: a key in the same patient's partition, among the same items. */
    private static QueryPages.Cursor cursor(PatientId patient, String prefix) {
        String partition = PatientItems.partition(patient);
        return new QueryPages.Cursor(List.of(PatientTable.PK, PatientTable.SK), key ->
                key.get(PatientTable.PK).s().equals(partition) && key.get(PatientTable.SK).s().startsWith(prefix));
    }

    private Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
        return item.isEmpty() ? Optional.empty() : Optional.of(item);
    }
}
