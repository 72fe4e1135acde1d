package org.medicore.appointment.adapter.in.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.medicore.appointment.application.port.in.ErasePatient;
import org.medicore.appointment.domain.PatientId;
import org.medicore.contracts.events.v1.PatientErased;

import static org.medicore.support.kafka.ConsumedEvents.eventType;
import static org.medicore.support.kafka.ConsumedEvents.instant;
import static org.medicore.support.kafka.ConsumedEvents.parse;
import static org.medicore.support.kafka.ConsumedEvents.uuid;

/** Reads a record of the patients topic, by its event-type header, into what appointment-service does with it. */
final class PatientEventReader {

    static final String PATIENT_ERASED = PatientErased.getDescriptor().getFullName();

    /** What a record asks of appointment-service. */
    sealed interface Incoming {
        record Erase(ErasePatient.Command command) implements Incoming {
        }

        /** A registration, a change of contact details, a newer type: nothing kept here depends on it. */
        record NothingToDo(String eventType) implements Incoming {
        }
    }

    Incoming read(ConsumerRecord<String, String> record) {
        String type = eventType(record);
        if (!type.equals(PATIENT_ERASED)) {
            return new Incoming.NothingToDo(type);
        }
        PatientErased event = parse(record, PatientErased.newBuilder());
        // patient ids are patient-service's UUIDs; anything else is no patient this service could hold
        uuid(event.getPatientId(), "patient_id");
        return new Incoming.Erase(new ErasePatient.Command(uuid(event.getEventId(), "event_id"),
                new PatientId(event.getPatientId()), instant(event.getApprovedAt())));
    }
}
