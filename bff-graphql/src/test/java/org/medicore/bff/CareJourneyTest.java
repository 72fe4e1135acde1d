package org.medicore.bff;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.medicore.bff.support.Clinic;
import org.medicore.bff.support.Demo;
import org.medicore.bff.support.WholeSystemTest;
import org.medicore.contracts.appointment.v1.Practitioner;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A patient's appointments through the API as each person does their part: booking (retried
 * safely), the doctor's day, check-in, a late cancellation billed as such, and its payment.
 */
class CareJourneyTest extends WholeSystemTest {

    private static final Clinic CLINIC = new Clinic(SYSTEM);

    @AfterAll
    static void close() {
        CLINIC.close();
    }

    @Test
    void a_patient_books_the_doctor_sees_it_a_late_cancellation_is_billed_and_paid_and_each_sees_their_part() {
        Practitioner doctor = CLINIC.demoDoctor();
        LocalDate day = Clinic.aWeekdayAt(ZoneId.of(doctor.getTimeZone()), 3, 0).toLocalDate();

        List<String> starts = as("patient").document("""
                        query($practitioner: ID!, $from: Date!, $to: Date!) {
                          practitioners(first: 100) { edges { node { id name { family } } } }
                          availableSlots(practitionerId: $practitioner, from: $from, to: $to) { start end }
                        }""")
                .variable("practitioner", doctor.getId()).variable("from", day.toString()).variable("to", day.toString())
                .execute()
                .path("practitioners.edges[*].node.id").entityList(String.class).contains(doctor.getId())
                .path("availableSlots[*].start").entityList(String.class).get();
        assertThat(starts).isNotEmpty();
        String key = UUID.randomUUID().toString();
        String book = """
                mutation($input: BookAppointmentInput!) {
                  bookAppointment(input: $input) { id status start practitioner { id } patient { id } }
                }""";
        Map<String, Object> booking = Map.of("patientId", Demo.PATIENT_SUBJECT, "practitionerId", doctor.getId(),
                "start", starts.getLast(), "reason", "check-up", "idempotencyKey", key);

        String appointmentId = as("patient").document(book).variable("input", booking).execute()
                .path("bookAppointment.status").entity(String.class).isEqualTo("BOOKED")
                .path("bookAppointment.practitioner.id").entity(String.class).isEqualTo(doctor.getId())
                .path("bookAppointment.patient.id").entity(String.class).isEqualTo(Demo.PATIENT_SUBJECT)
                .path("bookAppointment.id").entity(String.class).get();
        as("patient").document(book).variable("input", booking).execute()
                .path("bookAppointment.id").entity(String.class).isEqualTo(appointmentId);

        as("doctor").document("""
                        query($practitioner: ID!, $date: Date!) {
                          schedule(practitionerId: $practitioner, date: $date) { id patient { name { given } } }
                        }""")
                .variable("practitioner", doctor.getId()).variable("date", day.toString()).execute()
                .path("schedule[*].id").entityList(String.class).contains(appointmentId)
                .path("schedule[*].patient.name.given").entityList(String.class).contains("Alice");
        Practitioner roundTheClock = CLINIC.aPractitionerWhoseDayHasHoursLeft();
        String arrived = bookToday(roundTheClock);
        String change = "mutation($id: ID!) { %s(input: { appointmentId: $id }) { status } }";
        as("admin").document(change.formatted("checkIn")).variable("id", arrived).execute()
                .path("checkIn.status").entity(String.class).isEqualTo("CHECKED_IN");
        as("admin").document(change.formatted("completeAppointment")).variable("id", arrived).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType().toString()).isEqualTo("CONFLICT");
                    assertThat(error.getExtensions()).containsEntry("reasons", List.of("NOT_STARTED"));
                }));
        String visit = bookToday(roundTheClock);
        as("patient").document("""
                        mutation($id: ID!) { cancelAppointment(input: { appointmentId: $id, reason: "feeling better" }) { status } }""")
                .variable("id", visit).execute()
                .path("cancelAppointment.status").entity(String.class).isEqualTo("CANCELLED");

        String invoices = """
                query($patient: ID!) {
                  invoices(patientId: $patient, first: 100) {
                    edges { node { id appointmentId status balanceDue { amountMinor currency } } }
                  }
                }""";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("billing").document(invoices)
                .variable("patient", Demo.PATIENT_SUBJECT).execute()
                .path("invoices.edges[*].node.appointmentId").entityList(String.class).contains(visit));
        List<Map<String, Object>> nodes = as("billing").document(invoices).variable("patient", Demo.PATIENT_SUBJECT)
                .execute().path("invoices.edges[*].node").entityList(Map.class).get().stream()
                .map(node -> (Map<String, Object>) node)
                .filter(node -> visit.equals(node.get("appointmentId"))).toList();
        Map<String, Object> invoice = nodes.getFirst();
        @SuppressWarnings("unchecked")
        Map<String, Object> balance = (Map<String, Object>) invoice.get("balanceDue");

        as("billing").document("""
                        mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { status balanceDue { amountMinor } } }""")
                .variable("input", Map.of("invoiceId", invoice.get("id"), "method", "CARD",
                        "amount", Map.of("amountMinor", balance.get("amountMinor"), "currency", balance.get("currency"))))
                .execute()
                .path("recordPayment.status").entity(String.class).isEqualTo("PAID")
                .path("recordPayment.balanceDue.amountMinor").entity(Long.class).isEqualTo(0L);

        as("billing").document("query($id: ID!) { invoice(id: $id) { number chargeReason payments { method amount { amountMinor } } } }")
                .variable("id", invoice.get("id")).execute()
                .path("invoice.chargeReason").entity(String.class).isEqualTo("LATE_CANCELLATION")
                .path("invoice.payments[0].method").entity(String.class).isEqualTo("CARD")
                .path("invoice.payments[0].amount.amountMinor").entity(Long.class)
                .isEqualTo(((Number) balance.get("amountMinor")).longValue());
        as("patient").document("""
                        { me { patient { invoices(statuses: [PAID], first: 50) { id appointment { id status } } } } }""")
                .execute()
                .path("me.patient.invoices[*].id").entityList(String.class).contains((String) invoice.get("id"))
                .path("me.patient.invoices[*].appointment.id").entityList(String.class).contains(visit);
        assertThat(Instant.parse(starts.getLast())).isAfter(Instant.now());
    }
}
