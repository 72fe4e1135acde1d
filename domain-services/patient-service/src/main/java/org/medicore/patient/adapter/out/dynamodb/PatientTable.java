package org.medicore.patient.adapter.out.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.List;
import java.util.Map;

/** The single table of patient-service, its key attributes and indexes (see the module README). */
final class PatientTable {

    static final String PK = "pk";
    static final String SK = "sk";
    static final String BY_NAME = "by-name";
    static final String NAME_PK = "name_pk";
    static final String NAME_SK = "name_sk";
    static final String BY_BIRTH_DATE = "by-birth-date";
    static final String BIRTH_PK = "birth_pk";
    static final String BIRTH_SK = "birth_sk";
    static final String OUTBOX_PENDING = "outbox-pending";
    static final String PENDING = "pending";
    static final String PENDING_ORDER = "pending_order";

    private PatientTable() {
    }

    /** Creates the table with its indexes unless it exists (in the cloud Terraform creates it first). */
    static void createIfMissing(DynamoDbClient dynamoDb, String table) {
        try {
            dynamoDb.describeTable(r -> r.tableName(table));
            return;
        } catch (ResourceNotFoundException missing) {
            // created below
        }
        try {
            dynamoDb.createTable(r -> r.tableName(table)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            string(PK), string(SK), string(NAME_PK), string(NAME_SK),
                            string(BIRTH_PK), string(BIRTH_SK), string(PENDING), string(PENDING_ORDER))
                    .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE))
                    .globalSecondaryIndexes(
                            index(BY_NAME, NAME_PK, NAME_SK),
                            index(BY_BIRTH_DATE, BIRTH_PK, BIRTH_SK),
                            index(OUTBOX_PENDING, PENDING, PENDING_ORDER)));
        } catch (ResourceInUseException createdMeanwhile) {
            // another instance created it first
        }
        dynamoDb.waiter().waitUntilTableExists(r -> r.tableName(table));
    }

    /** A put in a transaction that fails if an item with the same key exists (claims, append-only items). */
    static TransactWriteItem putIfAbsent(String table, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(" + PK + ")")).build();
    }

    /** Whether the transaction was cancelled because the condition of its {@code index}-th write failed. */
    static boolean conditionFailedAt(TransactionCanceledException e, int index) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return index >= 0 && index < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static GlobalSecondaryIndex index(String name, String partitionKey, String sortKey) {
        return GlobalSecondaryIndex.builder().indexName(name)
                .keySchema(List.of(key(partitionKey, KeyType.HASH), key(sortKey, KeyType.RANGE)))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                .build();
    }
}
