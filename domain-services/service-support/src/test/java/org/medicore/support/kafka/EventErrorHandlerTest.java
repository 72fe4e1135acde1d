package org.medicore.support.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medicore.localstack.TestStack;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.KafkaHeaders;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The services' event error handler and the dead-letter replay against the test stack's real Kafka: a
 * listener container as Spring Boot builds it, with a listener that fails as the test's events ask.
 */
class EventErrorHandlerTest {

    /** Two attempts in all, as the services' tests configure them. */
    private static final EventRetry TWO_ATTEMPTS = new EventRetry(2, Duration.ofMillis(100));

    private final String topic = "medicore.test-events." + UUID.randomUUID() + ".v1";
    private final String deadLetters = topic + ".dlq";
    private final String group = "error-handler-test-" + UUID.randomUUID();

    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final List<ConsumerRecord<String, String>> handled = new CopyOnWriteArrayList<>();
    private final AtomicBoolean storeDown = new AtomicBoolean();
    private final AtomicBoolean causeFixed = new AtomicBoolean();

    private DefaultKafkaProducerFactory<String, String> producers;
    private KafkaTemplate<String, String> kafka;
    private DefaultKafkaConsumerFactory<String, String> consumers;
    private KafkaMessageListenerContainer<String, String> listener;

    @BeforeEach
    void listen() {
        TestStack.kafka().ensureTopics(List.of(topic, deadLetters), 1);
        producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        kafka = new KafkaTemplate<>(producers);
        consumers = new DefaultKafkaConsumerFactory<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafka().bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        ContainerProperties properties = new ContainerProperties(topic);
        properties.setGroupId(group);
        properties.setMessageListener((MessageListener<String, String>) this::handle);
        listener = new KafkaMessageListenerContainer<>(consumers, properties);
        listener.setCommonErrorHandler(EventErrorHandler.of(kafka, new DeadLetterPolicy(deadLetters, TWO_ATTEMPTS)));
        listener.start();
    }

    @AfterEach
    void stop() {
        listener.stop();
        producers.destroy();
    }

    /** What a service's listener does with each kind of the test's events. */
    private void handle(ConsumerRecord<String, String> event) {
        attempts.computeIfAbsent(event.key() + " " + event.value(), attempt -> new AtomicInteger()).incrementAndGet();
        switch (event.value()) {
            case "unreadable" -> throw new UnreadableEvent("not the proto3 JSON of medicore.events.v1.Tested");
            case "needs a fee schedule" -> {
                if (!causeFixed.get()) {
                    throw new IllegalStateException("no fee schedule",
                            new SQLException("relation \"fee_schedule\" does not exist", "42P01"));
                }
            }
            case "needs the database" -> {
                if (storeDown.get()) {
                    throw new IllegalStateException("the query failed",
                            new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
                }
            }
            default -> {
            }
        }
        handled.add(event);
    }

    @Test
    void an_unreadable_event_is_dead_lettered_at_once_with_the_reason_and_the_next_one_is_handled() {
        String key = UUID.randomUUID().toString();
        send(key, "unreadable");
        send(key, "fine");

        ConsumerRecord<String, String> letter = deadLetter(key, Duration.ofSeconds(30)).orElseThrow();

        assertThat(attemptsOf(key, "unreadable")).isEqualTo(1);
        assertThat(letter.value()).isEqualTo("unreadable");
        assertThat(header(letter, DeadLetterReplay.REASON))
                .isEqualTo("UnreadableEvent: not the proto3 JSON of medicore.events.v1.Tested");
        assertThat(header(letter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(topic);
        assertThat(header(letter, "event-type")).isEqualTo("medicore.events.v1.Tested");
        await().atMost(Duration.ofSeconds(30)).until(() -> handled.stream().anyMatch(event -> event.key().equals(key)));
    }

    @Test
    void another_failure_is_dead_lettered_after_its_attempts_with_the_chain_of_causes() {
        String key = UUID.randomUUID().toString();
        send(key, "needs a fee schedule");

        ConsumerRecord<String, String> letter = deadLetter(key, Duration.ofSeconds(30)).orElseThrow();

        assertThat(attemptsOf(key, "needs a fee schedule")).isEqualTo(TWO_ATTEMPTS.attempts());
        assertThat(header(letter, DeadLetterReplay.REASON)).isEqualTo(
                "IllegalStateException: no fee schedule; caused by SQLException: relation \"fee_schedule\" does not exist");
    }

    @Test
    void an_event_that_meets_a_database_outage_waits_for_the_database_and_is_never_dead_lettered() {
        String key = UUID.randomUUID().toString();
        storeDown.set(true);
        send(key, "needs the database");

        // One attempt more than a failing event gets before it is dead-lettered.
        await().atMost(Duration.ofSeconds(30)).until(() -> attemptsOf(key, "needs the database") > TWO_ATTEMPTS.attempts());
        storeDown.set(false);

        await().atMost(Duration.ofSeconds(30)).until(() -> handled.stream().anyMatch(event -> event.key().equals(key)));
        assertThat(deadLetter(key, Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void a_replay_sends_each_dead_letter_back_once_with_its_own_headers_and_without_the_reason() {
        String key = UUID.randomUUID().toString();
        send(key, "needs a fee schedule");
        deadLetter(key, Duration.ofSeconds(30)).orElseThrow();
        causeFixed.set(true);
        DeadLetterReplay replay = new DeadLetterReplay(consumers, kafka, deadLetters, group);

        assertThat(replay.replay()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> handled.stream().anyMatch(event -> event.key().equals(key)));

        ConsumerRecord<String, String> replayed = handled.stream().filter(event -> event.key().equals(key)).findFirst().orElseThrow();
        assertThat(replayed.topic()).isEqualTo(topic);
        assertThat(header(replayed, "event-type")).isEqualTo("medicore.events.v1.Tested");
        assertThat(replayed.headers()).extracting(Header::key)
                .doesNotContain(DeadLetterReplay.REASON, KafkaHeaders.DLT_ORIGINAL_TOPIC, KafkaHeaders.DLT_EXCEPTION_MESSAGE);
        assertThat(replay.replay()).isZero();
    }

    private int attemptsOf(String key, String value) {
        AtomicInteger made = attempts.get(key + " " + value);
        return made == null ? 0 : made.get();
    }

    private void send(String key, String value) {
        ProducerRecord<String, String> event = new ProducerRecord<>(topic, key, value);
        event.headers().add("event-type", "medicore.events.v1.Tested".getBytes(StandardCharsets.UTF_8));
        kafka.send(event).join();
    }

    /** The dead letter with {@code key}, read from the topic's beginning for at most {@code within}. */
    private Optional<ConsumerRecord<String, String>> deadLetter(String key, Duration within) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafka().bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            TopicPartition partition = new TopicPartition(deadLetters, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            long until = System.nanoTime() + within.toNanos();
            while (found.isEmpty() && System.nanoTime() < until) {
                consumer.poll(Duration.ofMillis(200)).forEach(letter -> {
                    if (key.equals(letter.key())) {
                        found.add(letter);
                    }
                });
            }
            return found.stream().findFirst();
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return Optional.ofNullable(record.headers().lastHeader(name))
                .map(header -> new String(header.value(), StandardCharsets.UTF_8)).orElse(null);
    }
}
