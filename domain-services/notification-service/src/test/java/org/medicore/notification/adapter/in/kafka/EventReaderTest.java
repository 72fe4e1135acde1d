package org.medicore.notification.adapter.in.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.medicore.notification.application.port.in.RecordNotificationEvents;
import org.medicore.notification.domain.Money;
import org.medicore.support.kafka.UnreadableEvent;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medicore.notification.support.EventStream.booked;
import static org.medicore.notification.support.EventStream.contactChanged;
import static org.medicore.notification.support.EventStream.erased;
import static org.medicore.notification.support.EventStream.invoiceIssued;
import static org.medicore.notification.support.EventStream.labReportProcessed;
import static org.medicore.notification.support.EventStream.registered;

/** Which records tell a patient something, and which can never be read. */
class EventReaderTest {

    private final EventReader reader = new EventReader();

    @Test
    void a_booking_is_read_with_its_times() {
        UUID appointment = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        Instant start = Instant.parse("2026-12-10T08:15:00Z");

        Optional<RecordNotificationEvents.IncomingEvent> event = reader.read(consumed(booked(appointment, patient, start)));

        assertThat(event).get().isInstanceOfSatisfying(RecordNotificationEvents.AppointmentBooked.class, booked -> {
            assertThat(booked.appointmentId()).isEqualTo(appointment);
            assertThat(booked.patientId()).isEqualTo(patient);
            assertThat(booked.start()).isEqualTo(start);
            assertThat(booked.end()).isEqualTo(start.plusSeconds(1800));
            assertThat(booked.event().eventType()).isEqualTo("medicore.events.v2.AppointmentBooked");
        });
    }

    @Test
    void a_registration_is_read_as_the_patient_to_fetch_the_contact_of() {
        UUID patient = UUID.randomUUID();

        assertThat(reader.read(consumed(registered(patient)))).get()
                .isInstanceOfSatisfying(RecordNotificationEvents.PatientRegistered.class,
                        registration -> assertThat(registration.patientId()).isEqualTo(patient));
    }

    @Test
    void a_contact_change_is_read_as_the_patient_to_fetch_the_contact_of_again() {
        UUID patient = UUID.randomUUID();

        assertThat(reader.read(consumed(contactChanged(patient)))).get()
                .isInstanceOfSatisfying(RecordNotificationEvents.PatientContactChanged.class, change -> {
                    assertThat(change.patientId()).isEqualTo(patient);
                    assertThat(change.event().eventType()).isEqualTo("medicore.events.v1.PatientContactChanged");
                });
    }

    @Test
    void an_erasure_is_read_as_the_patient_to_forget() {
        UUID patient = UUID.randomUUID();

        assertThat(reader.read(consumed(erased(patient)))).get()
                .isInstanceOfSatisfying(RecordNotificationEvents.PatientErased.class, erasure -> {
                    assertThat(erasure.patientId()).isEqualTo(patient);
                    assertThat(erasure.event().eventType()).isEqualTo("medicore.events.v1.PatientErased");
                });
    }

    @Test
    void an_invoice_is_read_with_its_amount_in_minor_units_and_due_date() {
        Optional<RecordNotificationEvents.IncomingEvent> event =
                reader.read(consumed(invoiceIssued(UUID.randomUUID(), 12050, "EUR")));

        assertThat(event).get().isInstanceOfSatisfying(RecordNotificationEvents.InvoiceIssued.class, invoice -> {
            assertThat(invoice.total()).isEqualTo(Money.of(12050, "EUR"));
            assertThat(invoice.paymentDue()).isEqualTo(LocalDate.of(2027, 1, 1));
            assertThat(invoice.invoiceNumber()).isEqualTo("2026-000777");
        });
    }

    @Test
    void a_report_with_results_is_read_without_its_counts() {
        assertThat(reader.read(consumed(labReportProcessed(UUID.randomUUID(), 2))))
                .get().isInstanceOf(RecordNotificationEvents.ResultsReady.class);
    }

    @Test
    void types_nobody_is_told_of_are_skipped() {
        ConsumerRecord<String, String> paid = new ConsumerRecord<>("medicore.billing.v1", 0, 0, "key", "{}");
        paid.headers().add("event-type", "medicore.events.v1.InvoicePaid".getBytes(StandardCharsets.UTF_8));

        assertThat(reader.read(paid)).isEmpty();
    }

    @Test
    void records_no_retry_can_read_are_unreadable() {
        ConsumerRecord<String, String> untyped = new ConsumerRecord<>("medicore.labs.v1", 0, 0, "key", "{}");
        ConsumerRecord<String, String> badCurrency = consumed(invoiceIssued(UUID.randomUUID(), 100, "EURO"));

        assertThatThrownBy(() -> reader.read(untyped)).isInstanceOf(UnreadableEvent.class).hasMessageContaining("event-type");
        assertThatThrownBy(() -> reader.read(badCurrency)).isInstanceOf(UnreadableEvent.class)
                .hasMessageContaining("ISO 4217");
    }

    private static ConsumerRecord<String, String> consumed(ProducerRecord<String, String> sent) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(sent.topic(), 0, 0, sent.key(), sent.value());
        sent.headers().forEach(header -> record.headers().add(header));
        return record;
    }
}
