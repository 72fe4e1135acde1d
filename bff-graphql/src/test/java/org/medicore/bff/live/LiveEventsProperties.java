package org.medicore.bff.live;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Durations;
import com.google.protobuf.util.Timestamps;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.medicore.bff.graphql.ProtoValues;
import org.medicore.bff.live.LiveController.AppointmentChange;
import org.medicore.bff.live.LiveController.LabReportStatusChange;
import org.medicore.contracts.common.v1.Money;
import org.medicore.contracts.events.v1.AnalyticsDimension;
import org.medicore.contracts.events.v1.AnalyticsWindow;
import org.medicore.contracts.events.v1.LabEventsProto;
import org.medicore.contracts.events.v1.LabReportHeld;
import org.medicore.contracts.events.v1.LabReportProcessed;
import org.medicore.contracts.events.v1.LabReportRejected;
import org.medicore.contracts.events.v2.AppointmentEventVersions;
import org.medicore.contracts.events.v2.AppointmentFacts;
import org.medicore.localstack.Topics;
import org.medicore.localstack.pact.EventsBeforeV2;
import org.medicore.support.kafka.AppointmentEventPairs;
import org.medicore.support.kafka.ConsumedEvents;
import org.medicore.support.kafka.KafkaClientSettings;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events with any values, written as their producers write them, reach the subscriptions with those
 * values: a field the BFF read under a wrong or former name would arrive empty and fail here.
 */
class LiveEventsProperties {

    private static final Arbitrary<String> IDS = Arbitraries.create(UUID::randomUUID).map(UUID::toString);
    private static final Arbitrary<Timestamp> INSTANTS = Arbitraries.longs().between(1, 4_102_444_800L)
            .flatMap(seconds -> Arbitraries.integers().between(0, 999_999_999)
                    .map(nanos -> Timestamp.newBuilder().setSeconds(seconds).setNanos(nanos).build()));
    private static final Arbitrary<String> TEXTS = Arbitraries.strings().ofMaxLength(40);

    /** What subscriptions receive is the same LiveEvent (type and v2 message) whichever version was on the topic. */
    @Property
    void an_appointment_event_reaches_subscriptions_the_same_whether_written_as_v1_or_as_v2(
            @ForAll("pairs") AppointmentEventPairs.Pair event) {
        assertThat(seen(event.v1())).hasSize(1).isEqualTo(seen(event.v2()));
    }

    @Property
    void a_schedule_shows_every_fact_of_an_appointment_event_of_either_version(@ForAll("appointmentEvents") Message v2)
            throws ParseException {
        AppointmentFacts appointment = AppointmentEventVersions.facts(v2);
        ConsumerRecord<String, String> record = AppointmentEventPairs.record(v2);
        AppointmentChange expected = new AppointmentChange(appointment.getAppointmentId(), appointment.getPractitionerId(),
                appointment.getPatientId(), v2.getDescriptorForType().getName().substring("Appointment".length()).toUpperCase(),
                appointment.getStart(), appointment.getEnd(), ProtoValues.orNull(Timestamps.parse(header(record, "occurred-at"))));

        for (ConsumerRecord<String, String> written : List.of(record, AppointmentEventPairs.record(EventsBeforeV2.v1Of(v2)))) {
            assertThat(seen(written)).singleElement()
                    .satisfies(event -> assertThat(AppointmentChanges.of(event.message())).contains(expected));
        }
    }

    @Property
    void a_lab_report_status_carries_every_value_its_event_was_written_with(@ForAll("labEvents") LabCase lab) {
        assertThat(seen(AppointmentEventPairs.record(Topics.LABS, lab.event()))).singleElement()
                .satisfies(event -> assertThat(LabReportChanges.of(event.message())).contains(lab.expected()));
    }

    @Property
    void an_analytics_window_reaches_the_dashboard_as_it_was_written(@ForAll("windows") AnalyticsWindow window) {
        assertThat(seen(AppointmentEventPairs.record(Topics.ANALYTICS, window))).singleElement()
                .satisfies(event -> assertThat(event.message()).isEqualTo(window));
    }

    /** A lab event added to the contract without a status here would leave its uploader waiting unseen. */
    @Example
    void every_lab_event_of_the_contract_tells_its_uploader_a_status() {
        for (Descriptor type : LabEventsProto.getDescriptor().getMessageTypes()) {
            ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.LABS, 0, 0L, "report-1", "{\"reportId\": \"report-1\"}");
            record.headers().add(ConsumedEvents.EVENT_TYPE, type.getFullName().getBytes(StandardCharsets.UTF_8));

            assertThat(seen(record)).as(type.getFullName()).singleElement()
                    .satisfies(event -> assertThat(LabReportChanges.of(event.message())).hasValueSatisfying(
                            change -> assertThat(change.reportId()).isEqualTo("report-1")));
        }
    }

    /** A lab event and the status change it is to show. */
    record LabCase(Message event, LabReportStatusChange expected) {
    }

    private static List<LiveEvent> seen(ConsumerRecord<String, String> record) {
        LiveEvents live = new LiveEvents(new LiveSettings("127.0.0.1:1", 16, "http://127.0.0.1:1", "clinic-1"),
                KafkaClientSettings.NONE);
        List<LiveEvent> seen = new ArrayList<>();
        live.stream().subscribe(seen::add);
        live.read(record);
        return seen;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Provide
    Arbitrary<AppointmentEventPairs.Pair> pairs() {
        return AppointmentEventPairs.pairs();
    }

    @Provide
    Arbitrary<Message> appointmentEvents() {
        return AppointmentEventPairs.events();
    }

    @Provide
    Arbitrary<LabCase> labEvents() {
        Arbitrary<Integer> counts = Arbitraries.integers().between(0, 10_000);
        return Combinators.combine(IDS, IDS, IDS, INSTANTS, counts, counts, TEXTS, Arbitraries.integers().between(0, 2))
                .as((eventId, report, patient, at, results, abnormal, detail, kind) -> switch (kind) {
                    case 0 -> new LabCase(LabReportProcessed.newBuilder().setEventId(eventId).setOccurredAt(at).setReportId(report)
                            .setPatientId(patient).setResultCount(results).setAbnormalCount(abnormal).build(),
                            new LabReportStatusChange(report, "PROCESSED", null, results, abnormal, at));
                    case 1 -> new LabCase(LabReportRejected.newBuilder().setEventId(eventId).setOccurredAt(at).setReportId(report)
                            .setPatientId(patient).setDetail(detail).build(),
                            new LabReportStatusChange(report, "REJECTED", detail.isEmpty() ? null : detail, null, null, at));
                    default -> new LabCase(LabReportHeld.newBuilder().setEventId(eventId).setOccurredAt(at).setReportId(report)
                            .setPatientId(patient).setValueCount(results).setCriticalCount(abnormal).build(),
                            new LabReportStatusChange(report, "NEEDS_REVIEW",
                                    "held for a clinician's review before its values reach the record", null, null, at));
                });
    }

    @Provide
    Arbitrary<AnalyticsWindow> windows() {
        Arbitrary<Long> counts = Arbitraries.longs().between(0, Long.MAX_VALUE);
        Arbitrary<Money> amounts = Combinators.combine(counts, Arbitraries.of("EUR", "CHF", "USD"))
                .as((minor, currency) -> Money.newBuilder().setAmountMinor(minor).setCurrency(currency).build());
        Arbitrary<AnalyticsWindow.Builder> figures = Combinators.combine(counts, counts, counts, counts, counts, counts,
                amounts, amounts).as((bookings, cancellations, late, completions, noShows, newPatients, invoiced, collected) ->
                AnalyticsWindow.newBuilder().setBookings(bookings).setCancellations(cancellations).setLateCancellations(late)
                        .setCompletions(completions).setNoShows(noShows).setNewPatients(newPatients)
                        .setRevenueInvoiced(invoiced).setRevenueCollected(collected));
        Arbitrary<AnalyticsDimension> dimensions = Arbitraries.of(AnalyticsDimension.CLINIC, AnalyticsDimension.DEPARTMENT,
                AnalyticsDimension.PRACTITIONER);
        return Combinators.combine(figures, IDS, INSTANTS, dimensions, TEXTS, INSTANTS, Arbitraries.of(true, false))
                .as((window, eventId, start, dimension, key, at, closed) -> window.setEventId(eventId).setOccurredAt(at)
                        .setWindowKey(dimension + "/" + key + "/" + Timestamps.toString(start)).setWindowStart(start)
                        .setWindowEnd(Timestamps.add(start, Durations.fromSeconds(60)))
                        .setDimension(dimension).setDimensionKey(key).setFinal(closed).build());
    }
}
