package org.medicore.appointment.adapter.in.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.medicore.appointment.application.port.in.ErasePatient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Consumes the patients topic. Failures propagate to the container's error handler: retried, then
 * sent to the dead-letter topic; the offset moves on either way.
 */
final class PatientEventListener {

    private static final Logger log = LoggerFactory.getLogger(PatientEventListener.class);

    private final PatientEventReader reader = new PatientEventReader();
    private final ErasePatient erasure;

    PatientEventListener(ErasePatient erasure) {
        this.erasure = erasure;
    }

    @KafkaListener(id = "appointment-patient-events", idIsGroup = false, topics = "${medicore.patient-events.topic}")
    public void onEvent(ConsumerRecord<String, String> record) {
        switch (reader.read(record)) {
            case PatientEventReader.Incoming.Erase erase -> {
                ErasePatient.Erased erased = erasure.erase(erase.command());
                // counts and the event id only: the log names no patient
                log.info("PatientErased {}: {} appointments cancelled, {} changed, {} booking keys and {} relayed events forgotten",
                        erase.command().eventId(), erased.cancelled(), erased.changed(),
                        erased.forgottenBookingRequests(), erased.forgottenEvents());
            }
            case PatientEventReader.Incoming.NothingToDo nothing -> log.debug("{} ignored", nothing.eventType());
        }
    }
}
