package org.medicore.support.kafka;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The events waiting on the dead-letter topic (still retained, in every partition), as the gauge
 * {@code medicore.dlq.size}, tagged with the topic: anything above zero is an event the service could not
 * handle and someone must look at (and replay once the cause is fixed). NaN when Kafka can't be asked.
 */
final class DeadLetterSize implements MeterBinder, AutoCloseable {

    private static final int TIMEOUT_MS = 3_000;

    private final Admin admin;
    private final String topic;

    DeadLetterSize(String bootstrapServers, KafkaClientSettings clients, String topic) {
        this.admin = Admin.create(clients.with(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS)));
        this.topic = topic;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("medicore.dlq.size", this::size).tag("topic", topic)
                .description("events on the dead-letter topic").register(registry);
    }

    double size() {
        try {
            Map<TopicPartition, OffsetSpec> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(TIMEOUT_MS, TimeUnit.MILLISECONDS).get(topic).partitions().stream()
                    .map(partition -> new TopicPartition(topic, partition.partition()))
                    .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> latest = offsets(partitions);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> earliest = offsets(partitions.keySet().stream()
                    .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.earliest())));
            return latest.entrySet().stream().mapToLong(end -> end.getValue().offset() - earliest.get(end.getKey()).offset()).sum();
        } catch (ExecutionException | TimeoutException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    private Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets(Map<TopicPartition, OffsetSpec> specs)
            throws ExecutionException, InterruptedException, TimeoutException {
        return admin.listOffsets(specs).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        admin.close();
    }
}
