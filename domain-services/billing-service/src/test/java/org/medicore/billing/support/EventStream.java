package org.medicore.billing.support;

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
import org.medicore.contracts.appointment.v1.CancellingParty;
import org.medicore.contracts.common.v1.AppointmentType;
import org.medicore.contracts.events.v1.PatientErased;
import org.medicore.contracts.events.v1.PatientRegistered;
import org.medicore.contracts.events.v2.AppointmentBooked;
import org.medicore.contracts.events.v2.AppointmentCancelled;
import org.medicore.contracts.events.v2.AppointmentCompleted;
import org.medicore.contracts.events.v2.AppointmentEventVersions;
import org.medicore.contracts.events.v2.AppointmentFacts;
import org.medicore.contracts.events.v2.AppointmentNoShow;
import org.medicore.localstack.TestStack;
import org.medicore.localstack.Topics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * Writes events to the real broker as patient-service and appointment-service do (proto3 JSON,
 * key = aggregate id, envelope headers) and waits until billing-service has consumed them.
 */
public final class EventStream implements AutoCloseable {

    public static final String CONSUMER_GROUP = "billing-service";
    private static final JsonFormat.Printer JSON = JsonFormat.printer();

    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafka().bootstrapServers(),
            ProducerConfig.LINGER_MS_CONFIG, 5,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));

    public static ProducerRecord<String, String> patientRegistered(UUID patientId) {
        return record(Topics.PATIENTS, patientId.toString(), PatientRegistered.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(now())
                .setPatientId(patientId.toString()).setHasPortalAccount(true).build());
    }

    public static ProducerRecord<String, String> patientErased(UUID patientId) {
        return record(Topics.PATIENTS, patientId.toString(), PatientErased.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(now())
                .setPatientId(patientId.toString()).setApprovedAt(now()).build());
    }

    public static ProducerRecord<String, String> completed(UUID patientId, AppointmentType type) {
        return appointmentEvent(AppointmentCompleted.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(now()).setAppointment(appointment(patientId, type)).build());
    }

    public static ProducerRecord<String, String> cancelled(UUID patientId, AppointmentType type, boolean late) {
        return appointmentEvent(AppointmentCancelled.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(now()).setAppointment(appointment(patientId, type)).setCancelledBy(CancellingParty.PATIENT)
                .setReason("ill").setLate(late).build());
    }

    public static ProducerRecord<String, String> noShow(UUID patientId, AppointmentType type) {
        return appointmentEvent(AppointmentNoShow.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(now()).setAppointment(appointment(patientId, type)).build());
    }

    public static ProducerRecord<String, String> booked(UUID patientId, AppointmentType type) {
        return appointmentEvent(AppointmentBooked.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(now()).setAppointment(appointment(patientId, type)).build());
    }

    private static AppointmentFacts appointment(UUID patientId, AppointmentType type) {
        return AppointmentFacts.newBuilder().setAppointmentId(UUID.randomUUID().toString()).setPatientId(patientId.toString())
                .setPractitionerId("practitioner-1").setDepartment("cardiology").setClinicId("clinic-1")
                .setAppointmentType(type).setStart(now()).setEnd(now()).build();
    }

    private static ProducerRecord<String, String> appointmentEvent(Message event) {
        return record(Topics.APPOINTMENTS, AppointmentEventVersions.facts(event).getAppointmentId(), event);
    }

    /** A record no retry can fix: the type header promises an event, the value is not JSON. */
    public static ProducerRecord<String, String> poison(String key) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.APPOINTMENTS, key, "{not json at all");
        record.headers().add("event-id", bytes(UUID.randomUUID().toString()));
        record.headers().add("event-type", bytes(AppointmentCompleted.getDescriptor().getFullName()));
        return record;
    }

    /** The same record with a new key, as when an event of the same appointment follows. */
    public static ProducerRecord<String, String> withKey(ProducerRecord<String, String> record, String key) {
        return new ProducerRecord<>(record.topic(), null, key, record.value(), record.headers());
    }

    /** Sends all records as one batch and returns once the broker has acknowledged them. */
    public void send(List<ProducerRecord<String, String>> records) {
        var sent = records.stream().map(producer::send).toList();
        producer.flush();
        for (var ack : sent) {
            try {
                ack.get();
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException("the broker refused a test event", e);
            }
        }
    }

    /** Waits until billing-service's consumer group has committed every record now on its topics. */
    public void awaitConsumed() {
        try (Admin admin = TestStack.kafka().admin()) {
            Map<TopicPartition, Long> end = endOffsets(admin, List.of(Topics.PATIENTS, Topics.APPOINTMENTS));
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets(CONSUMER_GROUP).partitionsToOffsetAndMetadata().get();
                return end.entrySet().stream().allMatch(partition -> {
                    OffsetAndMetadata offset = committed.get(partition.getKey());
                    return (offset == null ? 0 : offset.offset()) >= partition.getValue();
                });
            });
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, List<String> topics) {
        try {
            var partitions = admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .flatMap(topic -> topic.partitions().stream()
                            .map(info -> new TopicPartition(topic.name(), info.partition())))
                    .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
            return admin.listOffsets(partitions).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("cannot read end offsets", e);
        }
    }

    private static ProducerRecord<String, String> record(String topic, String key, Message event) {
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, JSON.print(event));
            record.headers().add("event-id", bytes((String) event.getField(event.getDescriptorForType().findFieldByNumber(1))));
            record.headers().add("event-type", bytes(event.getDescriptorForType().getFullName()));
            record.headers().add("occurred-at", bytes(Instant.now().toString()));
            return record;
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Timestamp now() {
        Instant now = Instant.now();
        return Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()).build();
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}
