package org.medicore.patient.adapter.out.kafka;

import com.google.protobuf.Message;
import org.medicore.patient.domain.PatientEvent;
import org.medicore.support.outbox.EventEnvelope;
import org.medicore.support.outbox.PublishEvent;
import org.medicore.support.outbox.PublishMessages;

import java.util.List;

/**
 * Patient events as contracts messages in the topics' envelope, keyed by patient id, sent by the shared
 * outbox publisher, which returns once the broker acknowledged them. The DynamoDB outbox keeps no trace.
 */
final class KafkaEventPublisher implements PublishEvent<PatientEvent> {

    private final PublishMessages topic;

    KafkaEventPublisher(PublishMessages topic) {
        this.topic = topic;
    }

    @Override
    public void publish(PatientEvent event) {
        topic.publishAll(List.of(EventEnvelope.of(event.eventId(), event.patientId().value(), event.occurredAt(),
                message(event), "")));
    }

    private static Message message(PatientEvent event) {
        return switch (event) {
            case org.medicore.patient.domain.PatientRegistered registered -> PatientEventProtos.PROTOS.registered(registered);
            case org.medicore.patient.domain.PatientContactChanged changed -> PatientEventProtos.PROTOS.contactChanged(changed);
            case org.medicore.patient.domain.PatientErased erased -> PatientEventProtos.PROTOS.erased(erased);
        };
    }
}
