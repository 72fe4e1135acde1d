package org.medicore.lab.adapter.out.kafka;

import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import org.medicore.contracts.events.v1.LabReportHeld;
import org.medicore.contracts.events.v1.LabReportProcessed;
import org.medicore.contracts.events.v1.LabReportRejected;
import org.medicore.contracts.lab.v1.LabReportRejectionReason;
import org.medicore.lab.adapter.proto.LabResultProtos;
import org.medicore.lab.domain.LabReportEvent;
import org.medicore.support.outbox.EventEnvelope;
import org.medicore.support.outbox.PublishEvent;
import org.medicore.support.outbox.PublishMessages;

import java.util.List;

/**
 * Lab report events as contracts messages in the topics' envelope on medicore.labs.v1, keyed by report id, sent by
 * the shared outbox publisher, which returns once the broker acknowledged them. The DynamoDB outbox keeps no trace.
 */
final class KafkaEventPublisher implements PublishEvent<LabReportEvent> {

    private final PublishMessages topic;

    KafkaEventPublisher(PublishMessages topic) {
        this.topic = topic;
    }

    @Override
    public void publish(LabReportEvent event) {
        topic.publishAll(List.of(EventEnvelope.of(event.eventId(), event.reportId(), event.occurredAt(), message(event), "")));
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
}
