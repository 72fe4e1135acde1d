package org.medicore.support.outbox;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.medicore.support.port.OutboxMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaOutboxPublisherTest {

    @Test
    void each_batch_goes_through_the_producer_in_use_then_not_one_closed_since() {
        MockProducer<String, String> first = producer();
        MockProducer<String, String> second = producer();
        AtomicReference<Producer<String, String>> current = new AtomicReference<>(first);
        KafkaOutboxPublisher publisher = new KafkaOutboxPublisher(current::get, "medicore.test.v1", Duration.ofSeconds(5));

        publisher.publishAll(List.of(message()));
        // What Spring Kafka's producer factory does when the context stops and starts again.
        first.close();
        current.set(second);
        publisher.publishAll(List.of(message()));

        assertThat(first.history()).hasSize(1);
        assertThat(second.history()).hasSize(1);
        assertThat(second.history().getFirst().headers().lastHeader("event-type").value()).asString()
                .isEqualTo("medicore.events.v1.Tested");
    }

    private static MockProducer<String, String> producer() {
        return new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
    }

    private static OutboxMessage message() {
        return new OutboxMessage(UUID.randomUUID(), "medicore.events.v1.Tested", UUID.randomUUID().toString(), Instant.now(),
                "{}", "");
    }
}
