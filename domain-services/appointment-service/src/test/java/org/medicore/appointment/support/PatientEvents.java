package org.medicore.appointment.support;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
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
import org.medicore.contracts.events.v1.PatientRegistered;
import org.medicore.localstack.TestStack;
import org.medicore.localstack.Topics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * Writes patient events to the real broker as patient-service's relay does (proto3 JSON, key = patient
 * id, envelope headers) and waits until a consumer group has read everything on the patients topic.
 */
public final class PatientEvents implements AutoCloseable {

    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafka().bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));

    public static PatientRegistered patientRegistered(String patientId) {
        return PatientRegistered.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(timestamp(Instant.now()))
                .setPatientId(patientId).setHasPortalAccount(true).build();
    }

    public static PatientErased patientErased(String patientId) {
        return PatientErased.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(timestamp(Instant.now()))
                .setPatientId(patientId).setApprovedAt(timestamp(Instant.now().minusSeconds(60))).build();
    }

    /** Sends each event and returns once the broker has acknowledged them all. */
    public void send(Message... events) {
        for (Message event : List.of(events)) {
            try {
                ProducerRecord<String, String> record = new ProducerRecord<>(Topics.PATIENTS, field(event, 3),
                        JsonFormat.printer().print(event));
                record.headers().add("event-id", bytes(field(event, 1)));
                record.headers().add("event-type", bytes(event.getDescriptorForType().getFullName()));
                record.headers().add("occurred-at", bytes(Instant.now().toString()));
                producer.send(record).get();
            } catch (InvalidProtocolBufferException | InterruptedException | ExecutionException e) {
                throw new IllegalStateException("the broker refused a test event", e);
            }
        }
    }

    /** Waits until {@code group} has committed every record now on the patients topic. */
    public static void awaitConsumed(String group) {
        try (Admin admin = TestStack.kafka().admin()) {
            Map<TopicPartition, Long> end = endOffsets(admin);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                return end.entrySet().stream().allMatch(partition -> {
                    OffsetAndMetadata offset = committed.get(partition.getKey());
                    return (offset == null ? 0 : offset.offset()) >= partition.getValue();
                });
            });
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin) {
        try {
            var partitions = admin.describeTopics(List.of(Topics.PATIENTS)).allTopicNames().get().values().stream()
                    .flatMap(topic -> topic.partitions().stream().map(info -> new TopicPartition(topic.name(), info.partition())))
                    .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
            return admin.listOffsets(partitions).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("cannot read the end offsets of " + Topics.PATIENTS, e);
        }
    }

    /** Every patient event has its id as field 1 and the patient's as field 3 (the contract's envelope). */
    private static String field(Message event, int number) {
        return (String) event.getField(event.getDescriptorForType().findFieldByNumber(number));
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}
