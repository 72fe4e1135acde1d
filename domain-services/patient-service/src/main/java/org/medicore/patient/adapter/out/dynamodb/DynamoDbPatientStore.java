package org.medicore.patient.adapter.out.dynamodb;

import org.medicore.patient.application.port.in.PatientPage;
import org.medicore.patient.application.port.in.SearchPatientsQuery;
import org.medicore.patient.application.port.out.LoadPatient;
import org.medicore.patient.application.port.out.SaveOutcome;
import org.medicore.patient.application.port.out.SavePatient;
import org.medicore.patient.application.port.out.SearchPatientRecords;
import org.medicore.patient.domain.Patient;
import org.medicore.patient.domain.PatientId;
import org.medicore.patient.domain.PatientContactChanged;
import org.medicore.patient.domain.PatientEvent;
import org.medicore.patient.domain.PatientRegistered;
import org.medicore.support.outbox.PendingEvents;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.medicore.patient.adapter.out.dynamodb.PatientItems.s;

/** Patients, their uniqueness claims and their outbox in one DynamoDB table. */
final class DynamoDbPatientStore implements LoadPatient, SearchPatientRecords, SavePatient, PendingEvents<PatientEvent> {

    private static final int BATCH_GET_LIMIT = 100;

    private final DynamoDbClient dynamoDb;
    private final String table;

    DynamoDbPatientStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<Patient> load(PatientId id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).key(PatientItems.patientKey(id))
                .consistentRead(true)).item();
        return item.isEmpty() ? Optional.empty() : Optional.of(PatientItems.toPatient(item));
    }

    @Override
    public List<Patient> loadAll(Collection<PatientId> ids) {
        List<Patient> found = new ArrayList<>();
        List<PatientId> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> keys = all.subList(from, Math.min(all.size(), from + BATCH_GET_LIMIT))
                    .stream().map(PatientItems::patientKey).toList();
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            while (!request.isEmpty()) {
                var response = dynamoDb.batchGetItem(BatchGetItemRequest.builder().requestItems(request).build());
                response.responses().getOrDefault(table, List.of()).stream().map(PatientItems::toPatient).forEach(found::add);
                request = response.unprocessedKeys();
            }
        }
        return found;
    }

    @Override
    public Optional<Patient> loadByKeycloakSubject(String subject) {
        return claimOwner(PatientItems.subjectKey(subject)).flatMap(this::load);
    }

    @Override
    public PatientPage search(SearchPatientsQuery query) {
        boolean byName = !query.familyNamePrefix().isEmpty();
        String index = byName ? PatientTable.BY_NAME : PatientTable.BY_BIRTH_DATE;
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> filters = new ArrayList<>();
        String keyCondition;
        if (byName) {
            names.put("#pk", PatientTable.NAME_PK);
            names.put("#sk", PatientTable.NAME_SK);
            values.put(":pk", s(PatientItems.namePartition(query.familyNamePrefix())));
            values.put(":prefix", s(query.familyNamePrefix()));
            keyCondition = "#pk = :pk AND begins_with(#sk, :prefix)";
            if (!query.givenNamePrefix().isEmpty()) {
                names.put("#given", "given_norm");
                values.put(":given", s(query.givenNamePrefix()));
                filters.add("begins_with(#given, :given)");
            }
            query.dateOfBirth().ifPresent(dob -> {
                names.put("#dob", "dob");
                values.put(":dob", s(dob.toString()));
                filters.add("#dob = :dob");
            });
        } else {
            names.put("#pk", PatientTable.BIRTH_PK);
            values.put(":pk", s("DOB#" + query.dateOfBirth().orElseThrow()));
            keyCondition = "#pk = :pk";
        }
        QueryRequest.Builder request = QueryRequest.builder().tableName(table).indexName(index)
                .keyConditionExpression(keyCondition).expressionAttributeNames(names).expressionAttributeValues(values);
        if (!filters.isEmpty()) {
            request.filterExpression(String.join(" AND ", filters));
        }
        QueryPages.Result page = QueryPages.read(dynamoDb, request.build(), item -> true, query.pageSize(), query.pageToken(),
                new QueryPages.Cursor(PatientItems.keyAttributesOf(index), key -> true));
        return new PatientPage(page.items().stream().map(PatientItems::toPatient).toList(), page.nextPageToken());
    }

    @Override
    public SaveOutcome insert(Patient patient, PatientRegistered event) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(PatientTable.putIfAbsent(table, PatientItems.toItem(patient)));
        Optional<String> duplicateKey = patient.demographics().duplicateKey();
        duplicateKey.ifPresent(key ->
                writes.add(PatientTable.putIfAbsent(table, PatientItems.claim(PatientItems.duplicateKey(key), patient.id()))));
        patient.keycloakSubject().ifPresent(subject ->
                writes.add(PatientTable.putIfAbsent(table, PatientItems.claim(PatientItems.subjectKey(subject), patient.id()))));
        writes.add(PatientTable.putIfAbsent(table, PatientItems.toOutboxItem(event)));
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(writes));
            return new SaveOutcome.Saved();
        } catch (TransactionCanceledException e) {
            int duplicateAt = duplicateKey.isPresent() ? 1 : -1;
            if (duplicateAt > 0 && PatientTable.conditionFailedAt(e, duplicateAt)) {
                return new SaveOutcome.DuplicateKeyTaken(requireOwner(PatientItems.duplicateKey(duplicateKey.get()), e));
            }
            if (patient.keycloakSubject().isPresent() && PatientTable.conditionFailedAt(e, writes.size() - 2)) {
                return new SaveOutcome.SubjectTaken(requireOwner(PatientItems.subjectKey(patient.keycloakSubject().get()), e));
            }
            throw e;
        }
    }

    @Override
    public SaveOutcome replace(Patient previous, Patient changed, Optional<PatientContactChanged> event) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(PatientItems.toItem(changed))
                .conditionExpression("version = :expected")
                .expressionAttributeValues(Map.of(":expected", AttributeValue.fromN(Long.toString(previous.version())))))
                .build());
        Optional<String> oldKey = previous.demographics().duplicateKey();
        Optional<String> newKey = changed.demographics().duplicateKey();
        boolean keyMoves = !oldKey.equals(newKey);
        if (keyMoves) {
            oldKey.ifPresent(key -> writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table)
                    .key(PatientItems.duplicateKey(key))
                    .conditionExpression("attribute_not_exists(patient_id) OR patient_id = :me")
                    .expressionAttributeValues(Map.of(":me", s(previous.id().value())))).build()));
            newKey.ifPresent(key ->
                    writes.add(PatientTable.putIfAbsent(table, PatientItems.claim(PatientItems.duplicateKey(key), changed.id()))));
        }
        event.ifPresent(contactChanged -> writes.add(PatientTable.putIfAbsent(table, PatientItems.toOutboxItem(contactChanged))));
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(writes));
            return new SaveOutcome.Saved();
        } catch (TransactionCanceledException e) {
            if (PatientTable.conditionFailedAt(e, 0)) {
                return new SaveOutcome.VersionConflict(load(previous.id()).map(Patient::version).orElse(previous.version()));
            }
            int newKeyAt = writes.size() - (event.isPresent() ? 2 : 1);
            if (keyMoves && newKey.isPresent() && PatientTable.conditionFailedAt(e, newKeyAt)) {
                return new SaveOutcome.DuplicateKeyTaken(requireOwner(PatientItems.duplicateKey(newKey.get()), e));
            }
            throw e;
        }
    }

    @Override
    public List<PatientEvent> oldestPending(int limit) {
        QueryResponse response = dynamoDb.query(r -> r.tableName(table).indexName(PatientTable.OUTBOX_PENDING)
                .keyConditionExpression("#pending = :pending")
                .expressionAttributeNames(Map.of("#pending", PatientTable.PENDING))
                .expressionAttributeValues(Map.of(":pending", s(PatientItems.PENDING_MARK)))
                .scanIndexForward(true).limit(limit));
        return response.items().stream().map(PatientItems::toEvent).toList();
    }

    @Override
    public long countPending() {
        return dynamoDb.queryPaginator(r -> r.tableName(table).indexName(PatientTable.OUTBOX_PENDING).select(Select.COUNT)
                        .keyConditionExpression("#pending = :pending")
                        .expressionAttributeNames(Map.of("#pending", PatientTable.PENDING))
                        .expressionAttributeValues(Map.of(":pending", s(PatientItems.PENDING_MARK))))
                .stream().mapToLong(QueryResponse::count).sum();
    }

    @Override
    public void markPublished(PatientEvent event) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table).key(PatientItems.outboxKey(event))
                    .updateExpression("REMOVE #pending, #order SET published = :true")
                    .conditionExpression("attribute_exists(#pending)")
                    .expressionAttributeNames(Map.of("#pending", PatientTable.PENDING, "#order", PatientTable.PENDING_ORDER))
                    .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true))));
        } catch (ConditionalCheckFailedException alreadyMarked) {
            // another relay instance published and marked it first: the event went out at least once
        }
    }

    private Optional<PatientId> claimOwner(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
        return item.isEmpty() ? Optional.empty() : Optional.of(PatientItems.claimOwner(item));
    }

    private PatientId requireOwner(Map<String, AttributeValue> key, TransactionCanceledException cause) {
        return claimOwner(key).orElseThrow(() -> cause);
    }
}
