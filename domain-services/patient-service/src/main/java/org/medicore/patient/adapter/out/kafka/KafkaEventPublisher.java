package org.medicore.patient.adapter.out.kafka;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.medicore.contracts.events.v1.PatientRegistered;
import org.medicore.patient.application.port.out.PublishEvent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Sends patient events to Kafka as proto3 JSON, keyed by patient id, and waits for the broker's acknowledgement. */
final class KafkaEventPublisher implements PublishEvent {

    private static final JsonFormat.Printer JSON = JsonFormat.printer().omittingInsignificantWhitespace();

    private final Producer<String, String> producer;
    private final String topic;
    private final Duration ackTimeout;

    KafkaEventPublisher(Producer<String, String> producer, String topic, Duration ackTimeout) {
        this.producer = producer;
        this.topic = topic;
        this.ackTimeout = ackTimeout;
    }

    @Override
    public void publish(org.medicore.patient.domain.PatientRegistered event) {
        PatientRegistered message = PatientRegistered.newBuilder()
                .setEventId(event.eventId().toString())
                .setOccurredAt(Timestamp.newBuilder().setSeconds(event.occurredAt().getEpochSecond())
                        .setNanos(event.occurredAt().getNano()))
                .setPatientId(event.patientId().value())
                .setRegisteredAtClinicId(event.registeredAtClinicId())
                .setHasPortalAccount(event.hasPortalAccount())
                .build();
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, null, message.getPatientId(), json(message), List.of(
                header("event-id", message.getEventId()),
                header("event-type", PatientRegistered.getDescriptor().getFullName()),
                header("occurred-at", event.occurredAt().toString())));
        try {
            producer.send(record).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + message.getEventId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge event " + message.getEventId(), e);
        }
    }

    private static String json(PatientRegistered message) {
        try {
            return JSON.print(message);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("PatientRegistered has no JSON form", e);
        }
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
