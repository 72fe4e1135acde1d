package org.medicore.notification.adapter.in.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.medicore.notification.application.port.in.RecordNotificationEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Consumes the patient, appointment, billing and lab topics. Failures propagate to the container's error
 * handler: retried, then sent to the dead-letter topic; the offset moves on either way.
 */
final class NotificationEventListener {

    private static final Logger log = LoggerFactory.getLogger(NotificationEventListener.class);

    private final EventReader reader = new EventReader();
    private final RecordNotificationEvents events;

    NotificationEventListener(RecordNotificationEvents events) {
        this.events = events;
    }

    @KafkaListener(id = "notification-events", idIsGroup = false, topics = {
            "${medicore.notification.topics.patients}", "${medicore.notification.topics.appointments}", "${medicore.notification.topics.billing}",
            "${medicore.notification.topics.labs}"})
    public void onEvent(ConsumerRecord<String, String> record) {
        reader.read(record).ifPresentOrElse(
                event -> log.debug("{}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                        events.record(event)),
                () -> log.debug("{}-{}@{} tells nobody anything", record.topic(), record.partition(), record.offset()));
    }
}
