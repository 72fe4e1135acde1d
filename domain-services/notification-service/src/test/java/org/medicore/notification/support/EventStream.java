package org.medicore.notification.support;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.medicore.contracts.appointment.v1.CancellingParty;
import org.medicore.contracts.billing.v1.ChargeReason;
import org.medicore.contracts.common.v1.AppointmentType;
import org.medicore.contracts.common.v1.Money;
import org.medicore.contracts.events.v1.InvoiceIssued;
import org.medicore.contracts.events.v1.LabReportProcessed;
import org.medicore.contracts.events.v1.PatientContactChanged;
import org.medicore.contracts.events.v1.PatientErased;
import org.medicore.contracts.events.v1.PatientRegistered;
import org.medicore.contracts.events.v2.AppointmentBooked;
import org.medicore.contracts.events.v2.AppointmentCancelled;
import org.medicore.contracts.events.v2.AppointmentFacts;
import org.medicore.contracts.events.v2.AppointmentRescheduled;
import org.medicore.localstack.TestStack;
import org.medicore.localstack.Topics;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * Writes events to the real broker as patient-service, appointment-service, billing-service and lab-processor do:
 * proto3 JSON, key = aggregate id, headers event-id, event-type and occurred-at.
 */
public final class EventStream implements AutoCloseable {

    private static final JsonFormat.Printer JSON = JsonFormat.printer();
    private static final String PRACTITIONER = "practitioner-notification-test";

    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafka().bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));

    public static ProducerRecord<String, String> registered(UUID patientId) {
        return record(Topics.PATIENTS, patientId, PatientRegistered.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(timestamp(Instant.now()))
                .setPatientId(patientId.toString()).setHasPortalAccount(true).build());
    }

    public static ProducerRecord<String, String> contactChanged(UUID patientId) {
        return record(Topics.PATIENTS, patientId, PatientContactChanged.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(timestamp(Instant.now()))
                .setPatientId(patientId.toString()).build());
    }

    /** patient-service's word that it erased the patient on request: ids and times only. */
    public static ProducerRecord<String, String> erased(UUID patientId) {
        return record(Topics.PATIENTS, patientId, PatientErased.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(timestamp(Instant.now()))
                .setPatientId(patientId.toString()).setApprovedAt(timestamp(Instant.now().minusSeconds(60))).build());
    }

    public static ProducerRecord<String, String> booked(UUID appointmentId, UUID patientId, Instant start) {
        return record(Topics.APPOINTMENTS, appointmentId, AppointmentBooked.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(timestamp(Instant.now()))
                .setAppointment(appointment(appointmentId, patientId, start)).build());
    }

    public static ProducerRecord<String, String> rescheduled(UUID appointmentId, UUID patientId, Instant oldStart,
                                                             Instant newStart) {
        return record(Topics.APPOINTMENTS, appointmentId, AppointmentRescheduled.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(timestamp(Instant.now()))
                .setAppointment(appointment(appointmentId, patientId, newStart))
                .setPreviousStart(timestamp(oldStart)).setPreviousEnd(timestamp(oldStart.plusSeconds(1800))).build());
    }

    public static ProducerRecord<String, String> cancelled(UUID appointmentId, UUID patientId, Instant start) {
        return record(Topics.APPOINTMENTS, appointmentId, AppointmentCancelled.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(timestamp(Instant.now()))
                .setAppointment(appointment(appointmentId, patientId, start))
                .setCancelledBy(CancellingParty.PATIENT).setReason("chest pain got worse").build());
    }

    private static AppointmentFacts appointment(UUID appointmentId, UUID patientId, Instant start) {
        return AppointmentFacts.newBuilder().setAppointmentId(appointmentId.toString()).setPatientId(patientId.toString())
                .setPractitionerId(PRACTITIONER).setDepartment("Cardiology").setClinicId("clinic-1")
                .setAppointmentType(AppointmentType.FOLLOW_UP)
                .setStart(timestamp(start)).setEnd(timestamp(start.plusSeconds(1800))).build();
    }

    public static ProducerRecord<String, String> labReportProcessed(UUID patientId, int critical) {
        UUID report = UUID.randomUUID();
        return record(Topics.LABS, report, LabReportProcessed.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(timestamp(Instant.now()))
                .setReportId(report.toString()).setPatientId(patientId.toString())
                .setResultCount(7).setAbnormalCount(3).setCriticalCount(critical)
                .addResultIds(UUID.randomUUID().toString()).build());
    }

    public static ProducerRecord<String, String> invoiceIssued(UUID patientId, long amountMinor, String currency) {
        UUID invoice = UUID.randomUUID();
        return record(Topics.BILLING, invoice, InvoiceIssued.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(timestamp(Instant.now()))
                .setInvoiceId(invoice.toString()).setInvoiceNumber("2026-000777").setPatientId(patientId.toString())
                .setAppointmentId(UUID.randomUUID().toString()).setChargeReason(ChargeReason.VISIT)
                .setTotal(Money.newBuilder().setAmountMinor(amountMinor).setCurrency(currency))
                .setDueDate(date(LocalDate.of(2027, 1, 1)))
                .setPractitionerId(PRACTITIONER).setDepartment("Cardiology").setClinicId("clinic-1").build());
    }

    public void send(ProducerRecord<String, String> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused " + record, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }

    private static ProducerRecord<String, String> record(String topic, UUID key, Message event) {
        String eventId = (String) event.getField(event.getDescriptorForType().findFieldByName("event_id"));
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key.toString(), json(event));
        record.headers().add("event-id", eventId.getBytes(StandardCharsets.UTF_8));
        record.headers().add("event-type", event.getDescriptorForType().getFullName().getBytes(StandardCharsets.UTF_8));
        record.headers().add("occurred-at", Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static String json(Message event) {
        try {
            return JSON.print(event);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    private static com.google.type.Date date(LocalDate date) {
        return com.google.type.Date.newBuilder().setYear(date.getYear()).setMonth(date.getMonthValue())
                .setDay(date.getDayOfMonth()).build();
    }
}
