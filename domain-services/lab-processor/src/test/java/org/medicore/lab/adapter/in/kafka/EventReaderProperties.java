package org.medicore.lab.adapter.in.kafka;

import com.google.protobuf.util.JsonFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.medicore.contracts.events.v1.PatientErased;
import org.medicore.support.kafka.UnreadableEvent;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventReaderProperties {

    private final EventReader reader = new EventReader();

    @Property
    void a_patient_erased_names_the_patient_whose_reports_go(@ForAll("uuids") UUID patient) throws Exception {
        assertThat(reader.erasedPatient(record(EventReader.PATIENT_ERASED, erasureJson(patient.toString()))))
                .contains(patient);
    }

    @Property
    void every_other_patient_event_is_no_erasure(@ForAll("otherTypes") String type, @ForAll("uuids") UUID patient)
            throws Exception {
        assertThat(reader.erasedPatient(record(type, erasureJson(patient.toString())))).isEmpty();
    }

    @Property
    void an_erasure_without_a_patient_id_or_without_its_json_is_unreadable(@ForAll("notUuids") String patientId)
            throws Exception {
        assertThatThrownBy(() -> reader.erasedPatient(record(EventReader.PATIENT_ERASED, erasureJson(patientId))))
                .isInstanceOf(UnreadableEvent.class);
        assertThatThrownBy(() -> reader.erasedPatient(record(EventReader.PATIENT_ERASED, "{" + patientId)))
                .isInstanceOf(UnreadableEvent.class);
    }

    @Provide
    Arbitrary<UUID> uuids() {
        return Arbitraries.create(UUID::randomUUID);
    }

    @Provide
    Arbitrary<String> otherTypes() {
        return Arbitraries.oneOf(Arbitraries.of("medicore.events.v1.PatientRegistered", "medicore.events.v1.PatientContactChanged",
                        "medicore.events.v1.LabResultAttached", "medicore.events.v2.PatientErased"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(30).map(name -> "medicore.events.v1." + name))
                .filter(type -> !type.equals(EventReader.PATIENT_ERASED));
    }

    @Provide
    Arbitrary<String> notUuids() {
        return Arbitraries.strings().ofMaxLength(40).filter(text -> {
            try {
                UUID.fromString(text);
                return false;
            } catch (IllegalArgumentException notOne) {
                return true;
            }
        });
    }

    private static String erasureJson(String patientId) throws Exception {
        return JsonFormat.printer().print(PatientErased.newBuilder().setEventId(UUID.randomUUID().toString())
                .setPatientId(patientId).build());
    }

    private static ConsumerRecord<String, String> record(String type, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("medicore.patients.v1", 0, 0, "key", value);
        record.headers().add("event-type", type.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
