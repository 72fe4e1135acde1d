package org.medicore.lab.support;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.medicore.contracts.events.v1.PatientErased;
import org.medicore.localstack.TestStack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * patient-service's side of an erasure as lab-processor sees it: {@code PatientErased} in the topics'
 * envelope (key = patient id; event-id, event-type and occurred-at headers; proto3 JSON) on a patient
 * topic of the test Kafka, and the wait until a consumer group has read everything on it.
 */
public final class PatientErasures implements AutoCloseable {

    private final String topic;
    private final KafkaProducer<String, String> producer;
    private final Admin admin;

    public PatientErasures(String topic) {
        this.topic = topic;
        String bootstrapServers = TestStack.kafka().bootstrapServers();
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        this.admin = TestStack.kafka().admin();
    }

    /** A fresh {@code PatientErased} of the patient, approved a minute ago. */
    public static PatientErased erasureOf(String patientId) {
        Instant now = Instant.now();
        return PatientErased.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(timestamp(now))
                .setPatientId(patientId).setApprovedAt(timestamp(now.minusSeconds(60))).build();
    }

    /** Sends the event as patient-service's relay does, and waits for the broker's acknowledgement. */
    public void publish(PatientErased event) {
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.getPatientId(),
                    JsonFormat.printer().print(event));
            record.headers().add("event-id", bytes(event.getEventId()));
            record.headers().add("event-type", bytes(PatientErased.getDescriptor().getFullName()));
            record.headers().add("occurred-at", bytes(Instant.ofEpochSecond(event.getOccurredAt().getSeconds()).toString()));
            producer.send(record).get();
        } catch (InvalidProtocolBufferException | ExecutionException e) {
            throw new IllegalStateException("PatientErased not sent", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits (up to 60 s) until {@code group} committed past everything now on the topic. */
    public void awaitReadBy(String group) throws InterruptedException {
        Map<TopicPartition, Long> end = endOffsets();
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(giveUp)) {
            Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
            if (end.entrySet().stream().allMatch(partition -> partition.getValue() == 0
                    || committed.get(partition.getKey()) != null
                    && committed.get(partition.getKey()).offset() >= partition.getValue())) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(group + " did not read " + topic + " up to " + end);
    }

    private Map<TopicPartition, Long> endOffsets() {
        try {
            var partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .stream().map(info -> new TopicPartition(topic, info.partition()))
                    .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
            return admin.listOffsets(partitions).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic, e);
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(String group) {
        try {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("cannot read the offsets of " + group, e);
        }
    }

    private static Timestamp timestamp(Instant at) {
        return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
        admin.close();
    }
}
