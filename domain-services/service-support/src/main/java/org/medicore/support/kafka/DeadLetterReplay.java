package org.medicore.support.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Sends the dead letters that arrived since the last replay back to the topics they came from,
 * with their key, value and original headers, once the cause is fixed (a service started with
 * {@code --replay-dead-letters} does it once it runs). Its own consumer group, the service's
 * listeners' group with {@value #GROUP_SUFFIX}, remembers how far it got, so each dead letter is
 * replayed once per landing; the consumers' idempotence on the event id makes a replay of an event
 * already applied harmless.
 */
public final class DeadLetterReplay {

    /** The header that says why an event was dead-lettered; a replay leaves it behind. */
    public static final String REASON = "dlq-reason";
    public static final String GROUP_SUFFIX = "-dlq-replay";

    private final ConsumerFactory<String, String> consumers;
    private final KafkaOperations<String, String> kafka;
    private final String deadLetterTopic;
    private final String group;

    /** {@code listenerGroup}: the consumer group of the listeners whose dead letters these are. */
    public DeadLetterReplay(ConsumerFactory<String, String> consumers, KafkaOperations<String, String> kafka,
                            String deadLetterTopic, String listenerGroup) {
        this.consumers = consumers;
        this.kafka = kafka;
        this.deadLetterTopic = deadLetterTopic;
        this.group = listenerGroup + GROUP_SUFFIX;
    }

    /** Replays every dead letter present now and returns how many. */
    public int replay() {
        try (Consumer<String, String> consumer = consumers.createConsumer(group, "replay")) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata offset = committed.get(partition);
                if (offset == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, offset.offset());
                }
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndMetadata> progress = new HashMap<>();
            int replayed = 0;
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, String> letter : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(letter.topic(), letter.partition());
                    if (letter.offset() < end.get(partition)) {
                        resend(letter).join();
                        progress.put(partition, new OffsetAndMetadata(letter.offset() + 1));
                        replayed++;
                    }
                }
                consumer.commitSync(progress);
            }
            return replayed;
        }
    }

    private CompletableFuture<?> resend(ConsumerRecord<String, String> letter) {
        Header originalTopic = letter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC);
        if (originalTopic == null) {
            throw new IllegalStateException("dead letter without " + KafkaHeaders.DLT_ORIGINAL_TOPIC + " at "
                    + letter.topic() + "-" + letter.partition() + "@" + letter.offset());
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(
                new String(originalTopic.value(), StandardCharsets.UTF_8), letter.key(), letter.value());
        for (Header header : letter.headers()) {
            if (!header.key().startsWith(KafkaHeaders.PREFIX + "dlt-") && !header.key().equals(REASON)) {
                record.headers().add(header);
            }
        }
        return kafka.send(record);
    }
}
