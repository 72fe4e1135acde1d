package org.medicore.patient.adapter.out.dynamodb;

import org.medicore.patient.application.port.out.ErasePatientRecords;
import org.medicore.patient.domain.PatientId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.medicore.patient.adapter.out.dynamodb.PatientItems.s;
import static org.medicore.patient.adapter.out.dynamodb.PatientTable.PK;
import static org.medicore.patient.adapter.out.dynamodb.PatientTable.SK;

/**
 * Deletes a patient's items from the table: every item of their partition but the outbox (ids and facts only, and
 * the relay still needs the pending ones), with the items elsewhere that lead to them (the duplicate and account
 * claims, whose keys hold the name, birth date and e-mail; history locators; lab idempotency claims). An item's
 * pointers go before the item, so a run that stops part-way leaves every remaining pointer findable for the next.
 * With clinical records kept, history and lab results stay under the patient id with their locators and claims,
 * which name nobody: the record with the name, birth date and contact goes.
 */
final class DynamoDbPatientErasure implements ErasePatientRecords {

    private static final String OUTBOX_PREFIX = "OUTBOX#";

    private final DynamoDbClient dynamoDb;
    private final String table;

    DynamoDbPatientErasure(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void erase(PatientId patient, boolean keepClinicalRecords) {
        for (Map<String, AttributeValue> item : partitionOf(patient)) {
            String sortKey = item.get(SK).s();
            boolean clinical = !sortKey.equals(PatientItems.PROFILE);
            if (sortKey.startsWith(OUTBOX_PREFIX) || clinical && keepClinicalRecords) {
                continue;
            }
            pointersTo(item).forEach(this::delete);
            delete(Map.of(PK, item.get(PK), SK, item.get(SK)));
        }
    }

    private List<Map<String, AttributeValue>> partitionOf(PatientId patient) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamoDb.queryPaginator(r -> r.tableName(table).consistentRead(true).keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", PK))
                        .expressionAttributeValues(Map.of(":pk", s(PatientItems.partition(patient)))))
                .stream().map(QueryResponse::items).forEach(items::addAll);
        return items;
    }

    private static List<Map<String, AttributeValue>> pointersTo(Map<String, AttributeValue> item) {
        String sortKey = item.get(SK).s();
        List<Map<String, AttributeValue>> pointers = new ArrayList<>();
        if (sortKey.equals(PatientItems.PROFILE)) {
            PatientItems.duplicateKeyOf(item).map(PatientItems::duplicateKey).ifPresent(pointers::add);
            text(item, "keycloak_subject").map(PatientItems::subjectKey).ifPresent(pointers::add);
        } else if (sortKey.startsWith(ClinicalItems.HISTORY_PREFIX)) {
            pointers.add(ClinicalItems.entryLocatorKey(ClinicalItems.entryId(item)));
        } else if (sortKey.startsWith(ClinicalItems.LAB_PREFIX)) {
            text(item, "idempotency_key").map(ClinicalItems::labKeyClaimKey).ifPresent(pointers::add);
        }
        return pointers;
    }

    private void delete(Map<String, AttributeValue> key) {
        dynamoDb.deleteItem(r -> r.tableName(table).key(key));
    }

    private static Optional<String> text(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(AttributeValue::s);
    }
}
