package org.medicore.localstack.pact;

import au.com.dius.pact.provider.MessageAndMetadata;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.medicore.localstack.TestStack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The producer's side of {@link EventInteraction}s: the record a producer really wrote, read
 * back from the test stack's Kafka, as the message and metadata Pact compares with the pact.
 */
public final class RelayedEvents {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private RelayedEvents() {
    }

    /** The record of {@code eventType} with {@code key} on {@code topic}; fails after 30 seconds without one. */
    public static MessageAndMetadata read(String topic, String key, String eventType) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafka().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key()) && eventType.equals(header(record.headers(), EventInteraction.EVENT_TYPE).orElse(null))) {
                        return message(record.topic(), record.key(), record.value(), record.headers());
                    }
                }
            }
        }
        throw new AssertionError("no " + eventType + " with key " + key + " on " + topic + " within " + PATIENCE);
    }

    /** A record as Pact sees a message: the value, and the topic, key and headers as metadata. */
    public static MessageAndMetadata message(String topic, String key, String value, Headers headers) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("contentType", "application/json");
        metadata.put(EventInteraction.TOPIC, topic);
        metadata.put(EventInteraction.KEY, key);
        for (Header header : headers) {
            metadata.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return new MessageAndMetadata(value.getBytes(StandardCharsets.UTF_8), metadata);
    }

    private static Optional<String> header(Headers headers, String name) {
        return Optional.ofNullable(headers.lastHeader(name)).map(header -> new String(header.value(), StandardCharsets.UTF_8));
    }
}
