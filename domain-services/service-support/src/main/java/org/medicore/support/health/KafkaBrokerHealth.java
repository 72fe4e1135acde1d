package org.medicore.support.health;

import org.medicore.support.kafka.KafkaClientSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Whether the Kafka cluster answers: a service whose events can't be relayed, or whose consumers
 * can't fetch, should not take traffic. One admin client, kept open, asks for the cluster's nodes.
 */
public final class KafkaBrokerHealth extends AbstractHealthIndicator implements AutoCloseable {

    private static final int TIMEOUT_MS = 3_000;

    private final Admin admin;

    public KafkaBrokerHealth(String bootstrapServers, KafkaClientSettings clients) {
        super("Kafka is not reachable");
        this.admin = Admin.create(clients.with(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS)));
    }

    @Override
    protected void doHealthCheck(Health.Builder health) throws Exception {
        int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS)).nodes()
                .get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
        health.status(brokers > 0 ? Status.UP : Status.DOWN).withDetail("brokers", brokers);
    }

    @Override
    public void close() {
        admin.close();
    }
}
