package org.medicore.support.outbox;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.medicore.support.port.OutboxMessage;
import org.medicore.support.tracing.TraceParent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Sends outbox messages to one topic in the events' envelope: key = aggregate id, headers
 * {@code event-id}, {@code event-type}, {@code occurred-at} and, when the change ran in a trace,
 * {@code traceparent}; waits for every acknowledgement. With an idempotent producer one key's
 * records keep their order.
 */
public final class KafkaOutboxPublisher implements PublishMessages {

    private final Supplier<Producer<String, String>> producers;
    private final String topic;
    private final Duration ackTimeout;

    /** Sends through a producer of the service's own, held for the service's life. */
    public KafkaOutboxPublisher(Producer<String, String> producer, String topic, Duration ackTimeout) {
        this(() -> producer, topic, ackTimeout);
    }

    /**
     * Asks for the producer at each batch. Spring Kafka's producer factory closes its shared producer
     * when the context stops and makes a new one when asked again; a producer taken once at start
     * would fail every batch after a stop and start (found by billing's tests, whose context the test
     * framework pauses and starts again).
     */
    public KafkaOutboxPublisher(Supplier<Producer<String, String>> producers, String topic, Duration ackTimeout) {
        this.producers = producers;
        this.topic = topic;
        this.ackTimeout = ackTimeout;
    }

    @Override
    public void publishAll(List<OutboxMessage> messages) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(messages.size());
        try {
            Producer<String, String> producer = producers.get();
            for (OutboxMessage message : messages) {
                acks.add(producer.send(toRecord(message)));
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailed("interrupted while publishing", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new PublishFailed("Kafka did not acknowledge the batch", e);
        }
    }

    private ProducerRecord<String, String> toRecord(OutboxMessage message) {
        var record = new ProducerRecord<>(topic, message.key(), message.payload());
        record.headers()
                .add(new RecordHeader("event-id", bytes(message.eventId().toString())))
                .add(new RecordHeader("event-type", bytes(message.eventType())))
                .add(new RecordHeader("occurred-at", bytes(message.occurredAt().toString())));
        if (!message.traceParent().isEmpty()) {
            record.headers().add(new RecordHeader(TraceParent.HEADER, bytes(message.traceParent())));
        }
        return record;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
