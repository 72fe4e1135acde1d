package org.medicore.notification.adapter.in.kafka;

import io.micrometer.core.instrument.Counter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.medicore.notification.application.port.in.RecordNotificationEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Consumes the patient, appointment, billing and lab topics. Failures propagate to the container's error
 * handler: retried, then sent to the dead-letter topic; the offset moves on either way. An event about
 * a patient erased before is counted and logged once (a redelivery is already recorded), by its id and
 * type only: the patient id would tie the log to the person the erasure forgot.
 */
final class NotificationEventListener {

    private static final Logger log = LoggerFactory.getLogger(NotificationEventListener.class);

    private final EventReader reader = new EventReader();
    private final RecordNotificationEvents events;
    private final Counter afterErasure;

    NotificationEventListener(RecordNotificationEvents events, Counter afterErasure) {
        this.events = events;
        this.afterErasure = afterErasure;
    }

    @KafkaListener(id = "notification-events", idIsGroup = false, topics = {
            "${medicore.notification.topics.patients}", "${medicore.notification.topics.appointments}", "${medicore.notification.topics.billing}",
            "${medicore.notification.topics.labs}"})
    public void onEvent(ConsumerRecord<String, String> record) {
        reader.read(record).ifPresentOrElse(event -> {
                    RecordNotificationEvents.Recorded recorded = events.record(event);
                    if (recorded == RecordNotificationEvents.Recorded.PATIENT_ERASED) {
                        afterErasure.increment();
                        log.info("{} {} skipped: its patient's data was erased on request", event.event().eventType(),
                                event.event().eventId());
                    }
                    log.debug("{}-{}@{}: {}", record.topic(), record.partition(), record.offset(), recorded);
                },
                () -> log.debug("{}-{}@{} tells nobody anything", record.topic(), record.partition(), record.offset()));
    }
}
