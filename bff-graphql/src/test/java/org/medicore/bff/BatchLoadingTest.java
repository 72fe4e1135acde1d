package org.medicore.bff;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.medicore.bff.support.Clinic;
import org.medicore.bff.support.WholeSystemTest;
import org.medicore.contracts.appointment.v1.BookAppointmentRequest;
import org.medicore.contracts.appointment.v1.Practitioner;
import org.medicore.contracts.common.v1.AppointmentType;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** No N+1: nested fields of many patients are loaded with one call per service. */
class BatchLoadingTest extends WholeSystemTest {

    private static final Clinic CLINIC = new Clinic(SYSTEM);

    @AfterAll
    static void close() {
        CLINIC.close();
    }

    @Test
    void fifty_patients_with_their_next_appointment_its_practitioner_and_open_invoices_take_one_call_per_service() {
        String family = "Batch" + UUID.randomUUID().toString().substring(0, 8);
        List<String> patients = IntStream.range(0, 50).mapToObj(i -> CLINIC.aPatient(family)).toList();
        Practitioner doctor = CLINIC.demoDoctor();
        for (int i = 0; i < 3; i++) {
            CLINIC.appointmentsAsAdmin().bookAppointment(BookAppointmentRequest.newBuilder()
                    .setIdempotencyKey(UUID.randomUUID().toString()).setPatientId(patients.get(i))
                    .setPractitionerId(doctor.getId()).setAppointmentType(AppointmentType.CONSULTATION)
                    .setStart(org.medicore.bff.graphql.ProtoValues.timestamp(
                            Clinic.aWeekdayAt(ZoneId.of(doctor.getTimeZone()), 6, i).toInstant()))
                    .build());
        }
        Map<String, Long> before = rpcs.snapshot();

        List<Map> nodes = as("admin").document("""
                        query($family: String!) {
                          patients(search: { familyNamePrefix: $family }, first: 50) {
                            edges { node {
                              id
                              appointments(filter: UPCOMING, first: 1) { id practitioner { name { family } } }
                              invoices(statuses: [ISSUED, PARTIALLY_PAID]) { id }
                            } }
                          }
                        }""")
                .variable("family", family).execute()
                .path("patients.edges[*].node").entityList(Map.class).hasSize(50).get();

        Map<String, Long> calls = difference(before, rpcs.snapshot());
        assertThat(calls).containsOnly(
                Map.entry("medicore.patient.v1.PatientService/SearchPatients", 1L),
                Map.entry("medicore.appointment.v1.AppointmentService/BatchListAppointmentsByPatients", 1L),
                Map.entry("medicore.appointment.v1.AppointmentService/BatchGetPractitioners", 1L),
                Map.entry("medicore.billing.v1.BillingService/BatchListInvoicesByPatients", 1L));
        assertThat(nodes).filteredOn(node -> !((List<?>) node.get("appointments")).isEmpty()).hasSize(3);
    }

    private static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> made = new HashMap<>();
        after.forEach((method, count) -> {
            long delta = count - before.getOrDefault(method, 0L);
            if (delta > 0) {
                made.put(method, delta);
            }
        });
        return made;
    }
}
