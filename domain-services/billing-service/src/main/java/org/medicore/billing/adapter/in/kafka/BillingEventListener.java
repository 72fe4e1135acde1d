package org.medicore.billing.adapter.in.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.medicore.billing.application.port.in.ApplyBillingEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Consumes the patient and appointment topics. Failures propagate to the container's error
 * handler: retried, then sent to the dead-letter topic; the offset moves on either way.
 */
final class BillingEventListener {

    private static final Logger log = LoggerFactory.getLogger(BillingEventListener.class);

    private final EventReader reader = new EventReader();
    private final ApplyBillingEvents events;

    BillingEventListener(ApplyBillingEvents events) {
        this.events = events;
    }

    @KafkaListener(id = "billing-events", idIsGroup = false,
            topics = {"${medicore.billing.topics.patients}", "${medicore.billing.topics.appointments}"})
    public void onEvent(ConsumerRecord<String, String> record) {
        switch (reader.read(record)) {
            case EventReader.Incoming.OpenAccount open -> applied(record, events.openAccount(open.registration()));
            case EventReader.Incoming.ChargeAppointment charge -> applied(record, events.charge(charge.event()));
            case EventReader.Incoming.ForgetPatient forget -> applied(record, events.forget(forget.erasure()));
            case EventReader.Incoming.NothingToDo nothing -> log.debug("{} ignored", nothing.eventType());
        }
    }

    private static void applied(ConsumerRecord<String, String> record, ApplyBillingEvents.Applied applied) {
        log.debug("{}-{}@{} key {}: {}", record.topic(), record.partition(), record.offset(), record.key(), applied);
    }
}
