package org.medicore.support.health;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** Whether the service's DynamoDB table answers and is ACTIVE (it may be UPDATING while an index is added). */
public final class DynamoDbTableHealth extends AbstractHealthIndicator {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbTableHealth(DynamoDbClient dynamoDb, String table) {
        super("DynamoDB table " + table + " is not reachable");
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        TableStatus status = dynamoDb.describeTable(request -> request.tableName(table)).table().tableStatus();
        (status == TableStatus.ACTIVE || status == TableStatus.UPDATING ? health.up() : health.down())
                .withDetail("table", table).withDetail("status", status.toString());
    }
}
