package org.medicore.billing.adapter.in.kafka;

import org.medicore.support.kafka.UnreadableEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.medicore.billing.domain.ChargeReason;
import org.medicore.contracts.common.v1.AppointmentType;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medicore.billing.support.EventStream.booked;
import static org.medicore.billing.support.EventStream.cancelled;
import static org.medicore.billing.support.EventStream.completed;
import static org.medicore.billing.support.EventStream.patientErased;
import static org.medicore.billing.support.EventStream.poison;

class EventReaderTest {

    private final EventReader reader = new EventReader();
    private final UUID patient = UUID.randomUUID();

    @Test
    void a_completed_appointment_is_a_visit_to_charge() {
        var incoming = reader.read(consumed(completed(patient, AppointmentType.LAB_VISIT)));

        assertThat(incoming).isInstanceOfSatisfying(EventReader.Incoming.ChargeAppointment.class, charge -> {
            assertThat(charge.event().charge().patientId()).isEqualTo(patient);
            assertThat(charge.event().charge().reason()).isEqualTo(ChargeReason.VISIT);
            assertThat(charge.event().charge().type()).isEqualTo(org.medicore.billing.domain.AppointmentType.LAB_VISIT);
        });
    }

    @Test
    void only_a_late_cancellation_is_charged() {
        assertThat(reader.read(consumed(cancelled(patient, AppointmentType.CONSULTATION, true))))
                .isInstanceOfSatisfying(EventReader.Incoming.ChargeAppointment.class, charge ->
                        assertThat(charge.event().charge().reason()).isEqualTo(ChargeReason.LATE_CANCELLATION));
        assertThat(reader.read(consumed(cancelled(patient, AppointmentType.CONSULTATION, false))))
                .isInstanceOf(EventReader.Incoming.NothingToDo.class);
    }

    @Test
    void an_erased_patient_is_to_be_forgotten() {
        assertThat(reader.read(consumed(patientErased(patient))))
                .isInstanceOfSatisfying(EventReader.Incoming.ForgetPatient.class, forget -> {
                    assertThat(forget.erasure().patientId()).isEqualTo(patient);
                    assertThat(forget.erasure().eventType()).isEqualTo("medicore.events.v1.PatientErased");
                });
    }

    @Test
    void a_booking_is_none_of_billings_business() {
        assertThat(reader.read(consumed(booked(patient, AppointmentType.CONSULTATION))))
                .isInstanceOf(EventReader.Incoming.NothingToDo.class);
    }

    @Test
    void a_record_that_is_not_its_types_json_or_lacks_a_type_or_an_appointment_type_is_unreadable() {
        ProducerRecord<String, String> untyped = completed(patient, AppointmentType.CONSULTATION);
        untyped.headers().remove("event-type");

        assertThatThrownBy(() -> reader.read(consumed(poison("key")))).isInstanceOf(UnreadableEvent.class);
        assertThatThrownBy(() -> reader.read(consumed(untyped))).isInstanceOf(UnreadableEvent.class);
        assertThatThrownBy(() -> reader.read(consumed(completed(patient, AppointmentType.APPOINTMENT_TYPE_UNSPECIFIED))))
                .isInstanceOf(UnreadableEvent.class);
    }

    private static ConsumerRecord<String, String> consumed(ProducerRecord<String, String> sent) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(sent.topic(), 0, 0, sent.key(), sent.value());
        sent.headers().forEach(header -> record.headers().add(header));
        return record;
    }
}
