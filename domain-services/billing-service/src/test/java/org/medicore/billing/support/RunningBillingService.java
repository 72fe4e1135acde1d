package org.medicore.billing.support;

import org.medicore.billing.BillingServiceApplication;
import org.medicore.localstack.AuditDatabase;
import org.medicore.localstack.TestStack;
import org.medicore.localstack.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service against the real PostgreSQL and Kafka of the test stack, with its gRPC
 * server on a free port and tokens from {@link TestTokens}. Every test class extending it shares
 * one Spring context, hence one consumer of the event topics.
 */
@SpringBootTest(classes = BillingServiceApplication.class, properties = {
        "spring.grpc.server.port=0",
        "spring.grpc.server.host=127.0.0.1",
        "medicore.billing.retry.attempts=2",
        "medicore.billing.retry.interval=100ms",
        "medicore.billing.outbox.poll-interval=100ms",
        "spring.kafka.consumer.properties.max.poll.records=500",
})
public abstract class RunningBillingService {

    @DynamicPropertySource
    static void realComponents(DynamicPropertyRegistry registry) {
        AuditDatabase.writerProperties(TestStack.postgres()).forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.datasource.url", () -> TestStack.newDatabaseUrl("billing_test"));
        registry.add("spring.kafka.bootstrap-servers", () -> TestStack.kafka().bootstrapServers());
        registry.add("medicore.billing.security.issuer", () -> TestTokens.ISSUER);
        registry.add("medicore.billing.security.jwk-set-uri", TestTokens::jwksUri);
    }
}
