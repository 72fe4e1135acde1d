package org.medicore.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LocalStackTest {

    @Test
    void what_was_stored_survives_a_restart_on_the_same_data_folder(@TempDir Path data) throws Exception {
        LocalStack.Settings settings = new LocalStack.Settings(data, LocalStack.Ports.FREE, false);

        try (LocalStack stack = LocalStack.start(settings)) {
            assertThat(stack.components()).extracting(Component::name)
                    .containsExactly("PostgreSQL 17", "Apache Kafka (KRaft)", "DynamoDB Local", "S3 (S3Proxy)");
            sql(stack, "create table visit (id int primary key)", "insert into visit values (42)");
            try (DynamoDbClient dynamo = dynamo(stack)) {
                dynamo.createTable(t -> t.tableName("kept").billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
                        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()));
                dynamo.putItem(p -> p.tableName("kept").item(Map.of("pk", AttributeValue.fromS("PATIENT#7"))));
            }
            try (S3Client s3 = s3(stack)) {
                s3.putObject(p -> p.bucket(ObjectStore.LAB_REPORTS_BUCKET).key("kept.pdf"), RequestBody.fromString("%PDF"));
            }
        }

        try (LocalStack stack = LocalStack.start(settings)) {
            try (Connection connection = DriverManager.getConnection(stack.postgres().jdbcUrl("appointments"),
                    PostgresServer.USER, PostgresServer.PASSWORD);
                 ResultSet rows = connection.createStatement().executeQuery("select id from visit")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(42);
            }
            try (DynamoDbClient dynamo = dynamo(stack)) {
                assertThat(dynamo.getItem(g -> g.tableName("kept").key(Map.of("pk", AttributeValue.fromS("PATIENT#7")))).hasItem()).isTrue();
            }
            try (S3Client s3 = s3(stack)) {
                assertThat(s3.getObjectAsBytes(g -> g.bucket(ObjectStore.LAB_REPORTS_BUCKET).key("kept.pdf")).asUtf8String()).isEqualTo("%PDF");
            }
            try (var admin = stack.kafka().admin()) {
                assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).containsAll(Topics.ALL);
            }
        }
    }

    private static void sql(LocalStack stack, String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection(stack.postgres().jdbcUrl("appointments"),
                PostgresServer.USER, PostgresServer.PASSWORD);
             Statement sql = connection.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        }
    }

    private static DynamoDbClient dynamo(LocalStack stack) {
        return DynamoDbClient.builder().endpointOverride(URI.create(stack.dynamoDb().endpoint()))
                .region(Region.of(DynamoDbServer.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(DynamoDbServer.ACCESS_KEY, DynamoDbServer.SECRET_KEY)))
                .build();
    }

    private static S3Client s3(LocalStack stack) {
        return S3Client.builder().endpointOverride(URI.create(stack.objectStore().endpoint()))
                .region(Region.of(ObjectStore.REGION)).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(ObjectStore.ACCESS_KEY, ObjectStore.SECRET_KEY)))
                .build();
    }
}
