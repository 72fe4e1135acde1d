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
 * the relay reads oldest first; publishing removes both attributes. Reports held for review
 * carry {@code review_queue}/{@code held_order}, a sparse index clinicians read oldest first;
 * any other status leaves both out. An erased patient's reports and entries are found through
 * {@code reports-by-patient} and {@code events-by-patient}.
 */
final class ReportTable {

    static final String PK = "pk";
    static final String OUTBOX_PENDING = "outbox-pending";
    static final String PENDING = "pending";
    static final String PENDING_ORDER = "pending_order";
    static final String REPORTS_BY_PATIENT = "reports-by-patient";
    static final String PATIENT_ID = "patient_id";
    static final String CREATED_ORDER = "created_order";
    static final String EVENTS_BY_PATIENT = "events-by-patient";
    static final String EVENT_ID = "event_id";
    static final String REVIEW_QUEUE = "review-queue";
    static final String IN_REVIEW = "review_queue";
    static final String HELD_ORDER = "held_order";

    private ReportTable() {
    }

    static void createIfMissing(DynamoDbClient dynamoDb, String table) {
        try {
            var existing = dynamoDb.describeTable(r -> r.tableName(table)).table().globalSecondaryIndexes().stream()
                    .map(index -> index.indexName()).toList();
            if (!existing.contains(REPORTS_BY_PATIENT)) {
                addIndex(dynamoDb, table, reportsByPatient(), PATIENT_ID, CREATED_ORDER);
            }
            if (!existing.contains(REVIEW_QUEUE)) {
                addIndex(dynamoDb, table, reviewQueue(), IN_REVIEW, HELD_ORDER);
            }
            if (!existing.contains(EVENTS_BY_PATIENT)) {
                addIndex(dynamoDb, table, eventsByPatient(), PATIENT_ID, EVENT_ID);
            }
            return;
        } catch (ResourceNotFoundException missing) {
            // created below
        }
        try {
            dynamoDb.createTable(r -> r.tableName(table)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(string(PK), string(PENDING), string(PENDING_ORDER), string(PATIENT_ID),
                            string(CREATED_ORDER), string(IN_REVIEW), string(HELD_ORDER), string(EVENT_ID))
                    .keySchema(KeySchemaElement.builder().attributeName(PK).keyType(KeyType.HASH).build())
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(OUTBOX_PENDING)
                            .keySchema(KeySchemaElement.builder().attributeName(PENDING).keyType(KeyType.HASH).build(),
                                    KeySchemaElement.builder().attributeName(PENDING_ORDER).keyType(KeyType.RANGE).build())
                            .projection(p -> p.projectionType(ProjectionType.ALL)).build(), reportsByPatient(),
                            reviewQueue(), eventsByPatient()));
        } catch (ResourceInUseException createdMeanwhile) {
            // another instance created it first
        }
        dynamoDb.waiter().waitUntilTableExists(r -> r.tableName(table));
    }

    /**
     * A patient's reports, newest first. Sparse: only report items have {@code created_order} (the
     * creation instant as zero-padded epoch nanoseconds, which sorts as text where ISO instants
     * with varying fractions would not), so outbox entries (which carry the patient id too) stay out.
     */
    private static GlobalSecondaryIndex reportsByPatient() {
        return GlobalSecondaryIndex.builder().indexName(REPORTS_BY_PATIENT)
                .keySchema(KeySchemaElement.builder().attributeName(PATIENT_ID).keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName(CREATED_ORDER).keyType(KeyType.RANGE).build())
                .projection(p -> p.projectionType(ProjectionType.ALL)).build();
    }

    /** Reports held for review, oldest held first; {@code held_order} sorts as {@code created_order} does. */
    private static GlobalSecondaryIndex reviewQueue() {
        return GlobalSecondaryIndex.builder().indexName(REVIEW_QUEUE)
                .keySchema(KeySchemaElement.builder().attributeName(IN_REVIEW).keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName(HELD_ORDER).keyType(KeyType.RANGE).build())
                .projection(p -> p.projectionType(ProjectionType.ALL)).build();
    }

    /**
     * A patient's outbox entries, for their erasure. Sparse: only outbox entries carry {@code event_id}, so
     * reports stay out; every entry ever written has both keys, so the index covers those written before it.
     */
    private static GlobalSecondaryIndex eventsByPatient() {
        return GlobalSecondaryIndex.builder().indexName(EVENTS_BY_PATIENT)
                .keySchema(KeySchemaElement.builder().attributeName(PATIENT_ID).keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName(EVENT_ID).keyType(KeyType.RANGE).build())
                .projection(p -> p.projectionType(ProjectionType.ALL)).build();
    }

    /** Tables made before an index existed get it added; reads wait until it is active. */
    private static void addIndex(DynamoDbClient dynamoDb, String table, GlobalSecondaryIndex index, String hash,
                                 String range) {
        try {
            dynamoDb.updateTable(r -> r.tableName(table)
                    .attributeDefinitions(string(hash), string(range))
                    .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName(index.indexName())
                            .keySchema(index.keySchema()).projection(index.projection()))));
        } catch (ResourceInUseException addedMeanwhile) {
            // another instance is adding it
        }
        dynamoDb.waiter().waitUntilTableExists(r -> r.tableName(table));
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
