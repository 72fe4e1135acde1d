package org.medicore.localstack;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaBrokerTest {

    @Test
    void the_architecture_topics_exist() throws Exception {
        try (var admin = TestStack.kafka().admin()) {
            assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).containsAll(Topics.ALL);
        }
    }

    @Test
    void an_event_produced_with_headers_is_consumed_with_them() throws Exception {
        String bootstrap = TestStack.kafka().bootstrapServers();
        String eventId = UUID.randomUUID().toString();
        String key = "patient-" + UUID.randomUUID();

        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            var record = new ProducerRecord<>(Topics.PATIENTS, key, "{\"patientId\":\"" + key + "\"}");
            record.headers().add("event-id", eventId.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get(10, TimeUnit.SECONDS);
        }

        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.PATIENTS));
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(30);
            while (seen.stream().noneMatch(r -> r.key().equals(key)) && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
            }
            ConsumerRecord<String, String> received = seen.stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
            assertThat(received.value()).contains(key);
            assertThat(new String(received.headers().lastHeader("event-id").value(), StandardCharsets.UTF_8)).isEqualTo(eventId);
        }
    }
}
