package org.medicore.patient;

import org.medicore.localstack.TestTokens;

import org.medicore.localstack.AuditDatabase;
import org.medicore.localstack.DynamoDbServer;
import org.medicore.localstack.TestStack;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on a free gRPC port against the real DynamoDB Local and Kafka of the test
 * stack; tokens are {@link TestTokens}. All subclasses share one application context.
 */
@SpringBootTest(properties = {
        "spring.grpc.server.port=0",
        "medicore.patient.dynamodb.table=patients-test",
        "medicore.patient.outbox.relay-enabled=false",
        "logging.level.software.amazon.dynamodb=WARN"})
public abstract class RealComponentsTest {

    @DynamicPropertySource
    static void realComponents(DynamicPropertyRegistry registry) {
        realStoreAndBroker(registry);
        registry.add("medicore.patient.security.issuer", () -> TestTokens.ISSUER);
        registry.add("medicore.patient.security.jwk-set-uri", TestTokens::jwksUri);
    }

    /** DynamoDB Local and Kafka of the test stack, for any test that starts the service. */
    public static void realStoreAndBroker(DynamicPropertyRegistry registry) {
        AuditDatabase.writerProperties(TestStack.postgres()).forEach((key, value) -> registry.add(key, () -> value));
        registry.add("medicore.patient.dynamodb.endpoint", () -> TestStack.dynamoDb().endpoint());
        registry.add("medicore.patient.dynamodb.access-key", () -> DynamoDbServer.ACCESS_KEY);
        registry.add("medicore.patient.dynamodb.secret-key", () -> DynamoDbServer.SECRET_KEY);
        registry.add("medicore.patient.dynamodb.region", () -> DynamoDbServer.REGION);
        registry.add("medicore.patient.kafka.bootstrap-servers", () -> TestStack.kafka().bootstrapServers());
    }

    /** A family name no other test uses, so searches in the shared table see only this test's patients. */
    protected static String uniqueFamilyName(String stem) {
        StringBuilder suffix = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            suffix.append((char) ('a' + random.nextInt(26)));
        }
        return stem + suffix;
    }
}
