package org.medicore.lab.adapter.in.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.medicore.contracts.events.v1.PatientErased;

import java.util.Optional;
import java.util.UUID;

import static org.medicore.support.kafka.ConsumedEvents.eventType;
import static org.medicore.support.kafka.ConsumedEvents.parse;
import static org.medicore.support.kafka.ConsumedEvents.uuid;

/**
 * Reads a record of medicore.patients.v1 by its event-type header: the patient a {@code PatientErased}
 * names; empty for every other patient event (registrations, changes, newer types). A malformed one is
 * service-support's {@code UnreadableEvent}, dead-lettered at once.
 */
final class EventReader {

    static final String PATIENT_ERASED = PatientErased.getDescriptor().getFullName();

    Optional<UUID> erasedPatient(ConsumerRecord<String, String> record) {
        if (!eventType(record).equals(PATIENT_ERASED)) {
            return Optional.empty();
        }
        PatientErased event = parse(record, PatientErased.newBuilder());
        return Optional.of(uuid(event.getPatientId(), "patient_id"));
    }
}
