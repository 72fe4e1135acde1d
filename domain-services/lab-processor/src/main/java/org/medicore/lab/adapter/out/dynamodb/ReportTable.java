package org.medicore.lab.adapter.out.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * One table, two kinds of item: {@code report#<id>} (the report) and {@code event#<id>} (an
 * outbox entry). Pending events carry {@code pending}/{@code pending_order}, a sparse index
 * the relay reads oldest first; publishing removes both attributes.
 */
final class ReportTable {

    static final String PK = "pk";
    static final String OUTBOX_PENDING = "outbox-pending";
    static final String PENDING = "pending";
    static final String PENDING_ORDER = "pending_order";

    private ReportTable() {
    }

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
                    .attributeDefinitions(string(PK), string(PENDING), string(PENDING_ORDER))
                    .keySchema(KeySchemaElement.builder().attributeName(PK).keyType(KeyType.HASH).build())
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(OUTBOX_PENDING)
                            .keySchema(KeySchemaElement.builder().attributeName(PENDING).keyType(KeyType.HASH).build(),
                                    KeySchemaElement.builder().attributeName(PENDING_ORDER).keyType(KeyType.RANGE).build())
                            .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
        } catch (ResourceInUseException createdMeanwhile) {
            // another instance created it first
        }
        dynamoDb.waiter().waitUntilTableExists(r -> r.tableName(table));
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
