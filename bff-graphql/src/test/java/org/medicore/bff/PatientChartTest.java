package org.medicore.bff;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.medicore.bff.support.Clinic;
import org.medicore.bff.support.Demo;
import org.medicore.bff.support.WholeSystemTest;
import org.medicore.contracts.appointment.v1.Practitioner;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The operations around a patient's chart: the doctor's view, the patient's own changes, moving and missing visits. */
class PatientChartTest extends WholeSystemTest {

    private static final Clinic CLINIC = new Clinic(SYSTEM);

    @AfterAll
    static void close() {
        CLINIC.close();
    }

    @Test
    void a_doctor_adds_to_a_patients_history_and_reads_the_chart_in_one_query() {
        String patientId = CLINIC.aPatient("Chart");
        as("doctor").document("""
                        mutation($p: ID!) { addHistoryEntry(input: { patientId: $p, kind: ALLERGY, text: "Penicillin", severity: "SEVERE" }) { id kind summary } }""")
                .variable("p", patientId).execute()
                .path("addHistoryEntry.kind").entity(String.class).isEqualTo("ALLERGY")
                .path("addHistoryEntry.summary").entity(String.class).isEqualTo("Penicillin (severe)");

        as("doctor").document("""
                        query($p: ID!) {
                          patient(id: $p) { name { family } history { kind summary authorRole } labResults { id } appointments(filter: ALL) { id } }
                        }""")
                .variable("p", patientId).execute()
                .path("patient.name.family").entity(String.class).isEqualTo("Chart")
                .path("patient.history[0].summary").entity(String.class).isEqualTo("Penicillin (severe)")
                .path("patient.history[0].authorRole").entity(String.class).isEqualTo("DOCTOR")
                .path("patient.labResults").entityList(Map.class).hasSize(0);
    }

    @Test
    void a_patient_changes_their_phone_number_and_only_that_changes() {
        String contact = "contact { email phone address { lines postalCode city region countryCode } }";
        Map<?, ?> before = as("patient").document("{ me { patient { version name { given family } dateOfBirth sex " + contact + " } } }")
                .execute().path("me.patient").entity(Map.class).get();
        Map<?, ?> withAddress = as("patient").document("""
                        mutation($p: ID!, $v: Long!) {
                          updatePatient(input: { patientId: $p, expectedVersion: $v,
                                                 contact: { address: { lines: ["Chausseestrasse 8"], city: "Berlin", countryCode: "DE" } } }) {
                            version name { given family } dateOfBirth sex %s
                          }
                        }""".formatted(contact))
                .variable("p", Demo.PATIENT_SUBJECT).variable("v", before.get("version")).execute()
                .path("updatePatient").entity(Map.class).get();

        Map<?, ?> after = as("patient").document("""
                        mutation($p: ID!, $v: Long!) {
                          updatePatient(input: { patientId: $p, expectedVersion: $v, contact: { phone: "+4930999888" } }) {
                            version name { given family } dateOfBirth sex %s
                          }
                        }""".formatted(contact))
                .variable("p", Demo.PATIENT_SUBJECT).variable("v", withAddress.get("version")).execute()
                .path("updatePatient").entity(Map.class).get();

        assertThat(((Map<?, ?>) withAddress.get("contact")).get("email")).isEqualTo(((Map<?, ?>) before.get("contact")).get("email"));
        assertThat(((Map<?, ?>) withAddress.get("contact")).get("phone")).isEqualTo(((Map<?, ?>) before.get("contact")).get("phone"));
        assertThat(after.get("version")).isEqualTo(((Number) withAddress.get("version")).intValue() + 1);
        assertThat(((Map<?, ?>) after.get("contact")).get("phone")).isEqualTo("+4930999888");
        assertThat(((Map<?, ?>) after.get("contact")).get("email")).isEqualTo(((Map<?, ?>) withAddress.get("contact")).get("email"));
        assertThat(((Map<?, ?>) after.get("contact")).get("address")).isEqualTo(((Map<?, ?>) withAddress.get("contact")).get("address"));
        assertThat(after).usingRecursiveComparison().ignoringFields("version", "contact.phone").isEqualTo(withAddress);
    }

    @Test
    void a_patient_moves_a_visit_reads_it_back_and_a_visit_that_has_not_started_cannot_be_a_no_show() {
        Practitioner doctor = CLINIC.demoDoctor();
        LocalDate day = Clinic.aWeekdayAt(ZoneId.of(doctor.getTimeZone()), 10, 0).toLocalDate();
        List<String> slots = as("patient").document("""
                        query($p: ID!, $d: Date!) { availableSlots(practitionerId: $p, from: $d, to: $d) { start } }""")
                .variable("p", doctor.getId()).variable("d", day.toString()).execute()
                .path("availableSlots[*].start").entityList(String.class).get();
        String id = as("patient").document("""
                        mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }""")
                .variable("input", Map.of("patientId", Demo.PATIENT_SUBJECT, "practitionerId", doctor.getId(),
                        "start", slots.get(0)))
                .execute().path("bookAppointment.id").entity(String.class).get();

        as("patient").document("""
                        mutation($id: ID!, $to: DateTime!) { rescheduleAppointment(input: { appointmentId: $id, newStart: $to }) { start } }""")
                .variable("id", id).variable("to", slots.get(1)).execute()
                .path("rescheduleAppointment.start").entity(String.class).isEqualTo(slots.get(1));
        as("patient").document("query($id: ID!) { appointment(id: $id) { start status practitioner { id } invoice { id } } }")
                .variable("id", id).execute()
                .path("appointment.start").entity(String.class).isEqualTo(slots.get(1))
                .path("appointment.practitioner.id").entity(String.class).isEqualTo(doctor.getId())
                .path("appointment.invoice").valueIsNull();
        as("doctor").document("mutation($id: ID!) { markNoShow(input: { appointmentId: $id }) { status } }")
                .variable("id", id).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "FAILED_PRECONDITION")));
    }
}
