package org.medicore.lab.support;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.medicore.localstack.Topics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads medicore.labs.v1 from the beginning, to find the event of one report. */
public final class LabEvents implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    LabEvents(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.LABS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** The first record keyed by {@code reportId}, waiting up to 20 s for the outbox relay. */
    public ConsumerRecord<String, String> of(String reportId) {
        return of(reportId, "");
    }

    /** The first record keyed by {@code reportId} of the event type (e.g. "medicore.events.v1.LabReportProcessed"). */
    public synchronized ConsumerRecord<String, String> of(String reportId, String eventType) {
        Instant giveUp = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(giveUp)) {
            Optional<ConsumerRecord<String, String>> found = seen.stream().filter(r -> reportId.equals(r.key()))
                    .filter(r -> eventType.isEmpty() || eventType.equals(header(r, "event-type"))).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        throw new AssertionError("no event for report " + reportId + " on " + Topics.LABS);
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
