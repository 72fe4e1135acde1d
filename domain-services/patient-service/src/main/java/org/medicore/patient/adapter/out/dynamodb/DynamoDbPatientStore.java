package org.medicore.patient.adapter.out.dynamodb;

import org.medicore.patient.application.port.in.PatientPage;
import org.medicore.patient.application.port.in.SearchPatientsQuery;
import org.medicore.patient.application.port.out.LoadPatient;
import org.medicore.patient.application.port.out.LoadPendingEvents;
import org.medicore.patient.application.port.out.SaveOutcome;
import org.medicore.patient.application.port.out.SavePatient;
import org.medicore.patient.application.port.out.SearchPatientRecords;
import org.medicore.patient.domain.Patient;
import org.medicore.patient.domain.PatientId;
import org.medicore.patient.domain.PatientRegistered;
import org.medicore.patient.domain.Violations;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.medicore.patient.adapter.out.dynamodb.PatientItems.s;

/** Patients, their uniqueness claims and their outbox in one DynamoDB table. */
final class DynamoDbPatientStore implements LoadPatient, SearchPatientRecords, SavePatient, LoadPendingEvents {

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
        Map<String, AttributeValue> startKey = decodePageToken(query.pageToken(), index);
        List<Map<String, AttributeValue>> page = new ArrayList<>();
        boolean more;
        while (true) {
            QueryRequest.Builder request = QueryRequest.builder().tableName(table).indexName(index)
                    .keyConditionExpression(keyCondition).expressionAttributeNames(names)
                    .expressionAttributeValues(values).limit(query.pageSize());
            if (!filters.isEmpty()) {
                request.filterExpression(String.join(" AND ", filters));
            }
            if (!startKey.isEmpty()) {
                request.exclusiveStartKey(startKey);
            }
            QueryResponse response = dynamoDb.query(request.build());
            int wanted = query.pageSize() - page.size();
            page.addAll(response.items().subList(0, Math.min(wanted, response.items().size())));
            boolean storeHasMore = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
            if (page.size() == query.pageSize()) {
                more = storeHasMore || response.items().size() > wanted;
                break;
            }
            if (!storeHasMore) {
                more = false;
                break;
            }
            startKey = response.lastEvaluatedKey();
        }
        String next = page.size() == query.pageSize() && more ? encodePageToken(page.getLast(), index) : "";
        return new PatientPage(page.stream().map(PatientItems::toPatient).toList(), next);
    }

    @Override
    public SaveOutcome insert(Patient patient, PatientRegistered event) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(putIfAbsent(PatientItems.toItem(patient)));
        Optional<String> duplicateKey = patient.demographics().duplicateKey();
        duplicateKey.ifPresent(key -> writes.add(putIfAbsent(PatientItems.claim(PatientItems.duplicateKey(key), patient.id()))));
        patient.keycloakSubject().ifPresent(subject ->
                writes.add(putIfAbsent(PatientItems.claim(PatientItems.subjectKey(subject), patient.id()))));
        writes.add(putIfAbsent(PatientItems.toOutboxItem(event)));
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(writes));
            return new SaveOutcome.Saved();
        } catch (TransactionCanceledException e) {
            int duplicateAt = duplicateKey.isPresent() ? 1 : -1;
            if (duplicateAt > 0 && failedAt(e, duplicateAt)) {
                return new SaveOutcome.DuplicateKeyTaken(requireOwner(PatientItems.duplicateKey(duplicateKey.get()), e));
            }
            if (patient.keycloakSubject().isPresent() && failedAt(e, writes.size() - 2)) {
                return new SaveOutcome.SubjectTaken(requireOwner(PatientItems.subjectKey(patient.keycloakSubject().get()), e));
            }
            throw e;
        }
    }

    @Override
    public SaveOutcome replace(Patient previous, Patient changed) {
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
            newKey.ifPresent(key -> writes.add(putIfAbsent(PatientItems.claim(PatientItems.duplicateKey(key), changed.id()))));
        }
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(writes));
            return new SaveOutcome.Saved();
        } catch (TransactionCanceledException e) {
            if (failedAt(e, 0)) {
                return new SaveOutcome.VersionConflict(load(previous.id()).map(Patient::version).orElse(previous.version()));
            }
            if (keyMoves && newKey.isPresent() && failedAt(e, writes.size() - 1)) {
                return new SaveOutcome.DuplicateKeyTaken(requireOwner(PatientItems.duplicateKey(newKey.get()), e));
            }
            throw e;
        }
    }

    @Override
    public List<PatientRegistered> oldestPending(int limit) {
        QueryResponse response = dynamoDb.query(r -> r.tableName(table).indexName(PatientTable.OUTBOX_PENDING)
                .keyConditionExpression("#pending = :pending")
                .expressionAttributeNames(Map.of("#pending", PatientTable.PENDING))
                .expressionAttributeValues(Map.of(":pending", s(PatientItems.PENDING_MARK)))
                .scanIndexForward(true).limit(limit));
        return response.items().stream().map(PatientItems::toEvent).toList();
    }

    @Override
    public void markPublished(PatientRegistered event) {
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

    private TransactWriteItem putIfAbsent(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)")).build();
    }

    private static boolean failedAt(TransactionCanceledException e, int index) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return index >= 0 && index < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    private Optional<PatientId> claimOwner(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
        return item.isEmpty() ? Optional.empty() : Optional.of(PatientItems.claimOwner(item));
    }

    private PatientId requireOwner(Map<String, AttributeValue> key, TransactionCanceledException cause) {
        return claimOwner(key).orElseThrow(() -> cause);
    }

    private static String encodePageToken(Map<String, AttributeValue> item, String index) {
        List<String> parts = PatientItems.keyAttributesOf(index).stream().map(name -> item.get(name).s()).toList();
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, AttributeValue> decodePageToken(String token, String index) {
        if (token.isEmpty()) {
            return Map.of();
        }
        List<String> names = PatientItems.keyAttributesOf(index);
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length == names.size()) {
                Map<String, AttributeValue> key = new LinkedHashMap<>();
                for (int i = 0; i < parts.length; i++) {
                    key.put(names.get(i), s(parts[i]));
                }
                return key;
            }
        } catch (IllegalArgumentException notBase64) {
            // reported below
        }
        new Violations().add("page.page_token", "is not a token from this search").throwIfAny();
        return Map.of();
    }
}
