package org.medicore.bff.live;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medicore.bff.support.Clinic;
import org.medicore.bff.support.Demo;
import org.medicore.localstack.LabReportPdf;
import org.medicore.bff.support.WholeSystemTest;
import org.medicore.contracts.appointment.v1.Practitioner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;


import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Subscriptions over graphql-ws against the whole system: the events come from the services through Kafka. */
class LiveUpdatesTest extends WholeSystemTest {

    private static final Clinic CLINIC = new Clinic(SYSTEM);

    @Autowired
    LiveEvents liveEvents;

    @AfterAll
    static void close() {
        CLINIC.close();
    }

    @BeforeEach
    void listening() {
        await().atMost(Duration.ofSeconds(60)).until(liveEvents::listening);
    }

    @Test
    void a_doctor_sees_a_booking_appear_on_their_schedule_and_the_admin_sees_the_analytics_move() throws Exception {
        Practitioner doctor = CLINIC.demoDoctor();
        BlockingQueue<Map<String, Object>> schedule = new LinkedBlockingQueue<>();
        BlockingQueue<Map> analytics = new LinkedBlockingQueue<>();
        var doctorSubscription = socket("doctor").document("""
                        subscription($p: ID!) { appointmentChanged(practitionerId: $p) { appointmentId kind start } }""")
                .variable("p", doctor.getId()).retrieveSubscription("appointmentChanged").toEntity(Map.class)
                .subscribe(change -> schedule.add((Map<String, Object>) change));
        var adminSubscription = socket("admin").document("""
                        subscription { analytics { dimension dimensionKey bookings windowStart } }""")
                .retrieveSubscription("analytics").toEntity(Map.class).subscribe(analytics::add);
        Thread.sleep(1000);

        String booked = book(doctor);

        Map<String, Object> change = schedule.poll(30, TimeUnit.SECONDS);
        assertThat(change).isNotNull().containsEntry("appointmentId", booked).containsEntry("kind", "BOOKED");
        Map<?, ?> window = analytics.poll(90, TimeUnit.SECONDS);
        assertThat(window).isNotNull();
        assertThat(((Number) window.get("bookings")).longValue()).isPositive();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("admin")
                .document("{ dashboard { bookingsLastHour lastHour { bookings } practitionerUtilisation { practitionerId } } }")
                .execute().path("dashboard.bookingsLastHour").entity(Long.class).satisfies(n -> assertThat(n).isPositive()));
        doctorSubscription.dispose();
        adminSubscription.dispose();
    }

    @Test
    void a_patient_may_not_follow_a_doctors_schedule_nor_anyone_but_an_admin_the_analytics() {
        assertThatThrownBy(() -> socket("patient").document("""
                        subscription($p: ID!) { appointmentChanged(practitionerId: $p) { appointmentId } }""")
                .variable("p", CLINIC.demoDoctor().getId()).retrieveSubscription("appointmentChanged")
                .toEntity(Map.class).blockFirst(Duration.ofSeconds(30)))
                .hasMessageContaining("own schedule");
        as("doctor").document("{ dashboard { bookingsLastHour } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getMessage()).contains("administrators")));
        assertThatThrownBy(() -> socket("doctor").document("subscription { analytics { bookings } }")
                .retrieveSubscription("analytics").toEntity(Map.class).blockFirst(Duration.ofSeconds(30)))
                .hasMessageContaining("administrators");
    }

    @Test
    void the_signed_in_user_is_known_over_graphql_ws_as_over_http() {
        Map<String, Object> me = socket("patient").document("{ me { subject roles patient { id } } }").retrieve("me")
                .toEntity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                .block(Duration.ofSeconds(30));

        assertThat(me).containsEntry("subject", Demo.PATIENT_SUBJECT).containsEntry("roles", List.of("PATIENT"))
                .containsEntry("patient", Map.of("id", Demo.PATIENT_SUBJECT));
    }

    @Test
    void a_connection_without_a_token_is_refused() {
        var anonymous = WebSocketGraphQlClient.builder(URI.create(graphQlUrl().replace("http", "ws")),
                new StandardWebSocketClient()).build();

        assertThatThrownBy(() -> anonymous.document("subscription { analytics { bookings } }")
                .retrieveSubscription("analytics").toEntity(Map.class).blockFirst(Duration.ofSeconds(30)))
                .isNotNull();
    }

    @Test
    void a_patient_follows_their_lab_report_from_awaiting_upload_to_processed() throws Exception {
        byte[] pdf = LabReportPdf.withLines(List.of("Glucose: 98 mg/dL (70-99)", "Sodium: 141 mmol/L (136-145)"));
        String reportId = putLabReportAsPatient(pdf);
        BlockingQueue<Map> statuses = new LinkedBlockingQueue<>();
        socket("patient").document("subscription($r: ID!) { labReportStatus(reportId: $r) { status resultCount } }")
                .variable("r", reportId).retrieveSubscription("labReportStatus").toEntity(Map.class).subscribe(statuses::add);
        assertThat(statuses.poll(30, TimeUnit.SECONDS)).containsEntry("status", "AWAITING_UPLOAD");

        as("patient").document("mutation($id: ID!) { confirmLabReportUpload(reportId: $id) { id } }")
                .variable("id", reportId).execute().path("confirmLabReportUpload.id").hasValue();

        assertThat(statuses.poll(60, TimeUnit.SECONDS)).containsEntry("status", "PROCESSED").containsEntry("resultCount", 2);
    }

    private String book(Practitioner doctor) {
        LocalDate day = Clinic.aWeekdayAt(ZoneId.of(doctor.getTimeZone()), 8, 0).toLocalDate();
        List<String> slots = as("patient").document("""
                        query($p: ID!, $d: Date!) { availableSlots(practitionerId: $p, from: $d, to: $d) { start } }""")
                .variable("p", doctor.getId()).variable("d", day.toString()).execute()
                .path("availableSlots[*].start").entityList(String.class).get();
        return as("patient").document("""
                        mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }""")
                .variable("input", Map.of("patientId", Demo.PATIENT_SUBJECT, "practitionerId", doctor.getId(),
                        "start", slots.getFirst()))
                .execute().path("bookAppointment.id").entity(String.class).get();
    }
}
