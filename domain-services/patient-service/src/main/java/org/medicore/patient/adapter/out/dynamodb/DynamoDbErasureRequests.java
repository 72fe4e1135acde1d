package org.medicore.patient.adapter.out.dynamodb;

import org.medicore.patient.application.port.in.ErasureRequestPage;
import org.medicore.patient.application.port.out.LoadErasureRequests;
import org.medicore.patient.application.port.out.SaveErasureRequest;
import org.medicore.patient.domain.ErasureRequest;
import org.medicore.patient.domain.ErasureState;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.medicore.patient.adapter.out.dynamodb.PatientItems.s;
import static org.medicore.patient.adapter.out.dynamodb.PatientTable.PK;
import static org.medicore.patient.adapter.out.dynamodb.PatientTable.SK;

/**
 * Erasure requests in patient-service's table. Each change of state is one transaction conditional on the state it
 * was read in; the finished erasure and its {@code PatientErased} outbox item are written together.
 */
final class DynamoDbErasureRequests implements LoadErasureRequests, SaveErasureRequest {

    private final DynamoDbClient dynamoDb;
    private final String table;

    DynamoDbErasureRequests(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<ErasureRequest> load(UUID requestId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).key(ErasureItems.requestKey(requestId))
                .consistentRead(true)).item();
        return item.isEmpty() ? Optional.empty() : Optional.of(ErasureItems.toRequest(item));
    }

    @Override
    public ErasureRequestPage pending(int size, String pageToken) {
        QueryRequest query = QueryRequest.builder().tableName(table).keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", PK)).expressionAttributeValues(Map.of(":pk", s(ErasureItems.PENDING_PARTITION)))
                .consistentRead(true).build();
        QueryPages.Result page = QueryPages.read(dynamoDb, query, item -> true, size, pageToken,
                new QueryPages.Cursor(List.of(PK, SK), key -> ErasureItems.PENDING_PARTITION.equals(key.get(PK).s())));
        // an entry whose request was decided between the two reads is no longer pending
        List<ErasureRequest> requests = page.items().stream().map(ErasureItems::pointedRequest).map(this::load)
                .flatMap(Optional::stream).filter(request -> request.state() == ErasureState.PENDING).toList();
        return new ErasureRequestPage(requests, page.nextPageToken());
    }

    @Override
    public Optional<UUID> insertUnlessOpen(ErasureRequest request) {
        List<TransactWriteItem> writes = List.of(
                PatientTable.putIfAbsent(table, ErasureItems.pointer(ErasureItems.openClaimKey(request.patientId()), request)),
                PatientTable.putIfAbsent(table, ErasureItems.toItem(request)),
                PatientTable.putIfAbsent(table, ErasureItems.pointer(ErasureItems.pendingKey(request), request)));
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(writes));
            return Optional.empty();
        } catch (TransactionCanceledException e) {
            if (!PatientTable.conditionFailedAt(e, 0)) {
                throw e;
            }
            Map<String, AttributeValue> claim = dynamoDb.getItem(r -> r.tableName(table)
                    .key(ErasureItems.openClaimKey(request.patientId())).consistentRead(true)).item();
            if (claim.isEmpty()) {
                throw e;
            }
            return Optional.of(ErasureItems.pointedRequest(claim));
        }
    }

    @Override
    public boolean decide(ErasureState from, ErasureRequest decided) {
        List<TransactWriteItem> writes = new ArrayList<>(List.of(putIfIn(from, decided), delete(ErasureItems.pendingKey(decided))));
        if (decided.state() == ErasureState.DECLINED) {
            writes.add(delete(ErasureItems.openClaimKey(decided.patientId())));
        }
        return conditionally(writes);
    }

    @Override
    public boolean finish(ErasureRequest.Erased erased) {
        return conditionally(List.of(putIfIn(ErasureState.APPROVED, erased.request()),
                delete(ErasureItems.openClaimKey(erased.request().patientId())),
                PatientTable.putIfAbsent(table, PatientItems.toOutboxItem(erased.event()))));
    }

    /** Whether the transaction was written; false when its first write's state condition failed. */
    private boolean conditionally(List<TransactWriteItem> writes) {
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(writes));
            return true;
        } catch (TransactionCanceledException e) {
            if (PatientTable.conditionFailedAt(e, 0)) {
                return false;
            }
            throw e;
        }
    }

    private TransactWriteItem putIfIn(ErasureState from, ErasureRequest request) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(ErasureItems.toItem(request))
                .conditionExpression("#state = :from")
                .expressionAttributeNames(Map.of("#state", ErasureItems.STATE))
                .expressionAttributeValues(Map.of(":from", s(from.name())))).build();
    }

    private TransactWriteItem delete(Map<String, AttributeValue> key) {
        return TransactWriteItem.builder().delete(d -> d.tableName(table).key(key)).build();
    }
}
