package org.medicore.analytics.adapter.in.kafka;

import com.google.protobuf.Message;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medicore.analytics.adapter.proto.EventMessages;
import org.medicore.analytics.fixtures.AnAppointment;
import org.medicore.analytics.fixtures.EventRecords;
import org.medicore.contracts.events.v1.AnalyticsDimension;
import org.medicore.contracts.events.v1.AnalyticsWindow;
import org.medicore.contracts.events.v1.RollingFigures;
import org.medicore.localstack.pact.EventsBeforeV2;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.medicore.analytics.fixtures.AnAppointment.anAppointment;
import static org.medicore.analytics.fixtures.AnInvoice.anInvoice;
import static org.medicore.analytics.fixtures.AnInvoice.patientRegistered;

class AnalyticsTopologyTest {

    private static final Instant NINE = TopologyDriver.NINE;
    private static final Duration GRACE = TopologyDriver.GRACE;

    @TempDir
    Path stateDir;

    private TopologyDriver topology;
    private TestInputTopic<String, Message> appointments;
    private TestInputTopic<String, Message> billing;
    private TestInputTopic<String, Message> patients;
    private TestOutputTopic<String, Message> analytics;

    @BeforeEach
    void startDriver() {
        topology = new TopologyDriver(stateDir);
        appointments = topology.input(AnalyticsTopology.APPOINTMENTS);
        billing = topology.input(AnalyticsTopology.BILLING);
        patients = topology.input(AnalyticsTopology.PATIENTS);
        analytics = topology.analytics();
    }

    @AfterEach
    void closeDriver() {
        topology.close();
    }

    @Test
    void should_count_a_booking_in_its_minute_for_clinic_department_and_practitioner() {
        send(appointments, anAppointment().atClinic("c1").inDepartment("Cardiology").with("dr-novak").booked(NINE.plusSeconds(10)));

        List<AnalyticsWindow> windows = windows();

        assertThat(windows).extracting(AnalyticsWindow::getWindowKey).containsExactlyInAnyOrder(
                "CLINIC/c1/2026-03-02T09:00:00Z", "DEPARTMENT/Cardiology/2026-03-02T09:00:00Z",
                "PRACTITIONER/dr-novak/2026-03-02T09:00:00Z");
        assertThat(windows).allSatisfy(window -> {
            assertThat(window.getBookings()).isEqualTo(1);
            assertThat(window.getFinal()).isFalse();
            assertThat(window.getWindowEnd().getSeconds() - window.getWindowStart().getSeconds()).isEqualTo(60);
        });
        assertThat(windows).extracting(AnalyticsWindow::getDimension).containsExactlyInAnyOrder(
                AnalyticsDimension.CLINIC, AnalyticsDimension.DEPARTMENT, AnalyticsDimension.PRACTITIONER);
    }

    @Test
    void should_count_a_booking_written_before_v2_and_left_on_the_topic_like_one_written_now() {
        AnAppointment earlier = anAppointment().atClinic("c1").inDepartment("Cardiology").with("dr-novak");
        send(appointments, EventsBeforeV2.v1Of(earlier.booked(NINE.plusSeconds(10))));
        send(appointments, anAppointment().atClinic("c1").inDepartment("Cardiology").with("dr-novak").booked(NINE.plusSeconds(20)));
        send(appointments, EventsBeforeV2.v1Of(earlier.cancelled(NINE.plusSeconds(30), false)));

        assertThat(windows()).filteredOn(window -> window.getWindowKey().startsWith("PRACTITIONER/dr-novak/"))
                .last().satisfies(window -> {
                    assertThat(window.getBookings()).isEqualTo(2);
                    assertThat(window.getCancellations()).isEqualTo(1);
                });
    }

    @Test
    void should_publish_the_window_again_on_every_change() {
        send(appointments, anAppointment().atClinic("c1").booked(NINE.plusSeconds(10)));
        send(appointments, anAppointment().atClinic("c1").booked(NINE.plusSeconds(20)));
        AnAppointment cancelled = anAppointment().atClinic("c1");
        send(appointments, cancelled.cancelled(NINE.plusSeconds(30), true));

        assertThat(clinicWindows("c1")).extracting(AnalyticsWindow::getBookings, AnalyticsWindow::getCancellations,
                        AnalyticsWindow::getLateCancellations)
                .containsExactly(tuple(1L, 0L, 0L),
                        tuple(2L, 0L, 0L),
                        tuple(2L, 1L, 1L));
    }

    @Test
    void should_publish_the_final_figures_once_the_window_closed_after_the_grace_period() {
        send(appointments, anAppointment().atClinic("c1").booked(NINE.plusSeconds(10)));
        send(appointments, anAppointment().atClinic("c1").booked(NINE.plusSeconds(70)));
        send(appointments, anAppointment().atClinic("c1").booked(NINE.plusSeconds(60).plus(GRACE)));

        List<AnalyticsWindow> finals = clinicWindows("c1").stream().filter(AnalyticsWindow::getFinal).toList();

        assertThat(finals).singleElement().satisfies(window -> {
            assertThat(window.getWindowKey()).isEqualTo("CLINIC/c1/2026-03-02T09:00:00Z");
            assertThat(window.getBookings()).isEqualTo(1);
        });
    }

    @Test
    void should_count_a_late_event_within_the_grace_period_and_drop_one_after_it() {
        send(appointments, anAppointment().atClinic("c1").booked(NINE.plusSeconds(10)));
        send(appointments, anAppointment().atClinic("c1").booked(NINE.plusSeconds(80)));
        send(appointments, anAppointment().atClinic("c1").booked(NINE.plusSeconds(50)));
        send(appointments, anAppointment().atClinic("c1").booked(NINE.plusSeconds(95)));
        send(appointments, anAppointment().atClinic("c1").booked(NINE.plusSeconds(55)));

        List<AnalyticsWindow> nineOClock = clinicWindows("c1").stream()
                .filter(window -> window.getWindowKey().endsWith("T09:00:00Z")).toList();

        assertThat(nineOClock).extracting(AnalyticsWindow::getBookings, AnalyticsWindow::getFinal).containsExactly(
                tuple(1L, false),
                tuple(2L, false),
                tuple(2L, true));
    }

    @Test
    void should_sum_revenue_invoiced_less_voids_and_revenue_collected() {
        var invoice = anInvoice().forAppointmentOf("c1", "Cardiology", "dr-novak");
        var voided = anInvoice().forAppointmentOf("c1", "Cardiology", "dr-novak");
        send(billing, invoice.issued(NINE.plusSeconds(1), 12_000));
        send(billing, voided.issued(NINE.plusSeconds(2), 5_000));
        send(billing, invoice.paid(NINE.plusSeconds(3), 3_000));
        send(billing, invoice.settled(NINE.plusSeconds(4), 12_000));
        send(billing, voided.voided(NINE.plusSeconds(5), 5_000, NINE.plusSeconds(2)));

        List<AnalyticsWindow> versions = clinicWindows("c1");

        assertThat(versions).as("InvoicePaid changes no figure").hasSize(4);
        AnalyticsWindow latest = versions.getLast();
        assertThat(latest.getRevenueInvoiced().getAmountMinor()).isEqualTo(12_000);
        assertThat(latest.getRevenueInvoiced().getCurrency()).isEqualTo("EUR");
        assertThat(latest.getRevenueCollected().getAmountMinor()).isEqualTo(3_000);
    }

    @Test
    void should_count_new_patients_for_the_registering_clinic_only() {
        send(patients, patientRegistered(NINE.plusSeconds(1), "c1"));
        send(patients, patientRegistered(NINE.plusSeconds(2), ""));

        List<AnalyticsWindow> windows = windows();

        assertThat(windows).singleElement().satisfies(window -> {
            assertThat(window.getWindowKey()).isEqualTo("CLINIC/c1/2026-03-02T09:00:00Z");
            assertThat(window.getNewPatients()).isEqualTo(1);
        });
    }

    @Test
    void should_count_an_event_delivered_twice_once() {
        var booked = anAppointment().atClinic("c1").booked(NINE.plusSeconds(10));
        send(appointments, booked);
        send(appointments, booked);

        assertThat(clinicWindows("c1")).extracting(AnalyticsWindow::getBookings).containsExactly(1L);
    }

    @Test
    void should_publish_the_clinics_rolling_figures_after_every_appointment_event() {
        Instant elevenBerlin = Instant.parse("2026-03-02T10:00:00Z");
        var first = anAppointment().atClinic("c1").with("dr-novak").startingAt(elevenBerlin, Duration.ofMinutes(30));
        var second = anAppointment().atClinic("c1").with("dr-novak").startingAt(elevenBerlin.plusSeconds(3600), Duration.ofMinutes(60));
        var missed = anAppointment().atClinic("c1").with("dr-berg").startingAt(NINE.minusSeconds(3600), Duration.ofMinutes(30));
        var done = anAppointment().atClinic("c1").with("dr-berg").startingAt(NINE.minusSeconds(7200), Duration.ofMinutes(30));
        send(appointments, first.booked(NINE.plusSeconds(10)));
        send(appointments, second.booked(NINE.plusSeconds(20)));
        send(appointments, missed.noShow(NINE.plusSeconds(30)));
        send(appointments, done.completed(NINE.plusSeconds(40)));

        List<TestRecord<String, Message>> published = analytics.readRecordsToList().stream()
                .filter(record -> record.value() instanceof RollingFigures).toList();

        assertThat(published).hasSize(4);
        TestRecord<String, Message> latest = published.getLast();
        assertThat(latest.key()).isEqualTo("c1");
        assertThat(new String(latest.headers().lastHeader("event-type").value(), StandardCharsets.UTF_8))
                .isEqualTo("medicore.events.v1.RollingFigures");
        RollingFigures figures = (RollingFigures) latest.value();
        assertThat(figures.getBookingsLastHour()).isEqualTo(2);
        assertThat(figures.getNoShowRateLast7DaysBasisPoints()).isEqualTo(5_000);
        assertThat(figures.getToday().getDay()).isEqualTo(2);
        assertThat(figures.getPractitionerUtilisationList())
                .extracting(RollingFigures.PractitionerUtilisation::getPractitionerId,
                        RollingFigures.PractitionerUtilisation::getBookedMinutes,
                        RollingFigures.PractitionerUtilisation::getUtilisationBasisPoints)
                .containsExactly(tuple("dr-berg", 30, 625),
                        tuple("dr-novak", 90, 1875));
    }

    @Test
    void should_skip_an_event_it_cannot_read_and_go_on_counting() {
        var backwards = anAppointment().atClinic("c1").startingAt(NINE.plusSeconds(3600), Duration.ofMinutes(-30))
                .booked(NINE.plusSeconds(5));
        RecordHeaders booked = EventRecords.headers(backwards);
        topology.inputAsWritten(AnalyticsTopology.APPOINTMENTS).pipeInput(new TestRecord<>("a0", "{not json", booked, NINE));
        send(appointments, backwards);
        send(appointments, anAppointment().atClinic("c1").booked(NINE.plusSeconds(10)));

        assertThat(clinicWindows("c1")).extracting(AnalyticsWindow::getBookings).containsExactly(1L);
    }

    @Test
    void should_give_published_events_the_envelope_headers() {
        send(appointments, anAppointment().atClinic("c1").booked(NINE.plusSeconds(10)));

        TestRecord<String, Message> record = analytics.readRecordsToList().getFirst();

        assertThat(header(record, "event-type")).isEqualTo("medicore.events.v1.AnalyticsWindow");
        assertThat(header(record, "event-id")).isEqualTo(EventMessages.eventId(record.value()));
        assertThat(header(record, "occurred-at")).isEqualTo("2026-03-02T09:00:00Z");
    }

    private static String header(TestRecord<String, Message> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private void send(TestInputTopic<String, Message> topic, Message event) {
        TopologyDriver.send(topic, event);
    }

    private List<AnalyticsWindow> windows() {
        return analytics.readValuesToList().stream()
                .filter(AnalyticsWindow.class::isInstance).map(AnalyticsWindow.class::cast).toList();
    }

    private List<AnalyticsWindow> clinicWindows(String clinicId) {
        return windows().stream().filter(window -> window.getDimension() == AnalyticsDimension.CLINIC
                && window.getDimensionKey().equals(clinicId)).toList();
    }
}
