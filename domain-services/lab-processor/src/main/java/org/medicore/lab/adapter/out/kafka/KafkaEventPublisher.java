package org.medicore.lab.adapter.out.kafka;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.medicore.contracts.events.v1.LabReportHeld;
import org.medicore.contracts.events.v1.LabReportProcessed;
import org.medicore.contracts.events.v1.LabReportRejected;
import org.medicore.contracts.lab.v1.LabReportRejectionReason;
import org.medicore.lab.adapter.proto.LabResultProtos;
import org.medicore.lab.application.port.out.PublishEvent;
import org.medicore.lab.domain.LabReportEvent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Lab report events on medicore.labs.v1 as proto3 JSON, keyed by report id, acknowledged before returning. */
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
    public void publish(LabReportEvent event) {
        Message message = message(event);
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, null, event.reportId(), json(message), List.of(
                header("event-id", event.eventId().toString()),
                header("event-type", message.getDescriptorForType().getFullName()),
                header("occurred-at", event.occurredAt().toString())));
        try {
            producer.send(record).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + event.eventId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge event " + event.eventId(), e);
        }
    }

    static Message message(LabReportEvent event) {
        Timestamp occurredAt = Timestamp.newBuilder().setSeconds(event.occurredAt().getEpochSecond())
                .setNanos(event.occurredAt().getNano()).build();
        return switch (event) {
            case LabReportEvent.Processed processed -> LabReportProcessed.newBuilder()
                    .setEventId(processed.eventId().toString()).setOccurredAt(occurredAt)
                    .setReportId(processed.reportId()).setPatientId(processed.patientId())
                    .setResultCount(processed.resultCount()).setAbnormalCount(processed.abnormalCount())
                    .setCriticalCount(processed.criticalCount())
                    .addAllResultIds(processed.resultIds()).build();
            case LabReportEvent.Held held -> LabReportHeld.newBuilder()
                    .setEventId(held.eventId().toString()).setOccurredAt(occurredAt)
                    .setReportId(held.reportId()).setPatientId(held.patientId())
                    .addAllFindings(held.findings().stream().map(LabResultProtos::finding).toList())
                    .setValueCount(held.valueCount()).setCriticalCount(held.criticalCount())
                    .setUploadedBySubject(held.uploadedBySubject()).build();
            case LabReportEvent.Rejected rejected -> LabReportRejected.newBuilder()
                    .setEventId(rejected.eventId().toString()).setOccurredAt(occurredAt)
                    .setReportId(rejected.reportId()).setPatientId(rejected.patientId())
                    .setReason(LabReportRejectionReason.valueOf(rejected.rejection().reason().name()))
                    .setDetail(rejected.rejection().detail()).setUploadedBySubject(rejected.uploadedBySubject()).build();
        };
    }

    private static String json(Message message) {
        try {
            return JSON.print(message);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(message.getDescriptorForType().getFullName() + " has no JSON form", e);
        }
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
