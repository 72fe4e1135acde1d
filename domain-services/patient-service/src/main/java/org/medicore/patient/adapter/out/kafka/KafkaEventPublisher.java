package org.medicore.patient.adapter.out.kafka;

import com.google.protobuf.Timestamp;
import org.medicore.contracts.events.v1.PatientRegistered;
import org.medicore.support.outbox.EventEnvelope;
import org.medicore.support.outbox.PublishEvent;
import org.medicore.support.outbox.PublishMessages;

import java.util.List;

/**
 * Patient events as contracts messages in the topics' envelope, keyed by patient id, sent by the shared
 * outbox publisher, which returns once the broker acknowledged them. The DynamoDB outbox keeps no trace.
 */
final class KafkaEventPublisher implements PublishEvent<org.medicore.patient.domain.PatientRegistered> {

    private final PublishMessages topic;

    KafkaEventPublisher(PublishMessages topic) {
        this.topic = topic;
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
        topic.publishAll(List.of(EventEnvelope.of(event.eventId(), message.getPatientId(), event.occurredAt(), message, "")));
    }
}
