package org.medicore.lab.adapter.out.kafka;

import com.google.protobuf.Message;
import org.medicore.lab.adapter.proto.LabProtos;
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
        return switch (event) {
            case LabReportEvent.Processed processed -> LabProtos.PROTOS.processed(processed);
            case LabReportEvent.Held held -> LabProtos.PROTOS.held(held);
            case LabReportEvent.Rejected rejected -> LabProtos.PROTOS.rejected(rejected);
        };
    }
}
