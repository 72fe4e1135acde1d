package org.medicore.support.outbox;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.medicore.support.kafka.KafkaClientSettings;

import java.time.Duration;
import java.util.Map;

/** The producer of a relay that runs without Spring Kafka: idempotent, acknowledged by all replicas, in order. */
public final class OutboxProducer {

    private OutboxProducer() {
    }

    public static Producer<String, String> create(String bootstrapServers, String clientId, Duration ackTimeout,
                                                  KafkaClientSettings clients) {
        return new KafkaProducer<>(clients.with(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                // one in flight keeps an aggregate's events in order even across retries
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) ackTimeout.toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ackTimeout.toMillis() / 2,
                // the relay sends as soon as it has read a round: waiting for more only adds latency
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.CLIENT_ID_CONFIG, clientId)),
                new StringSerializer(), new StringSerializer());
    }
}
