package org.medicore.lab.adapter.in.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.medicore.lab.application.port.in.ErasePatientReports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Consumes the patient topic for erasures. Failures propagate to the container's error handler: an
 * outage is waited out, anything else retried and then dead-lettered; the offset moves on either way.
 */
final class PatientErasedListener {

    private static final Logger log = LoggerFactory.getLogger(PatientErasedListener.class);

    private final EventReader reader = new EventReader();
    private final ErasePatientReports erasure;

    PatientErasedListener(ErasePatientReports erasure) {
        this.erasure = erasure;
    }

    @KafkaListener(id = "lab-patient-erasures", idIsGroup = false, topics = "${medicore.lab.consumer.patients-topic}")
    public void onEvent(ConsumerRecord<String, String> record) {
        reader.erasedPatient(record).ifPresentOrElse(
                patient -> log.info("{}-{}@{}: erased {}", record.topic(), record.partition(), record.offset(),
                        erasure.eraseReportsOf(patient.toString())),
                () -> log.debug("{}-{}@{} is no erasure", record.topic(), record.partition(), record.offset()));
    }
}
