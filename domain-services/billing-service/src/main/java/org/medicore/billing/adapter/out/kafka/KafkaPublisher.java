package org.medicore.billing.adapter.out.kafka;

import org.medicore.support.tracing.TraceParent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.medicore.billing.application.port.out.OutboxMessage;
import org.medicore.billing.application.port.out.PublishMessages;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Sends outbox messages to the billing topic: key = invoice id, with the envelope headers. */
final class KafkaPublisher implements PublishMessages {

    private final KafkaTemplate<String, String> kafka;
    private final String topic;
    private final Duration ackTimeout;

    KafkaPublisher(KafkaTemplate<String, String> kafka, String topic, Duration ackTimeout) {
        this.kafka = kafka;
        this.topic = topic;
        this.ackTimeout = ackTimeout;
    }

    @Override
    public void publish(List<OutboxMessage> messages) {
        List<CompletableFuture<SendResult<String, String>>> sent = messages.stream().map(this::send).toList();
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                    .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge the batch", e);
        }
    }

    private CompletableFuture<SendResult<String, String>> send(OutboxMessage message) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, message.aggregateId(), message.payload());
        record.headers().add("event-id", bytes(message.eventId().toString()));
        record.headers().add("event-type", bytes(message.eventType()));
        record.headers().add("occurred-at", bytes(message.occurredAt().toString()));
        if (!message.traceParent().isEmpty()) {
            record.headers().add(TraceParent.HEADER, bytes(message.traceParent()));
        }
        return kafka.send(record);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
