package org.medicore.analytics.adapter.in.kafka;

import com.google.protobuf.Message;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medicore.analytics.application.port.out.FiguresUnavailable;
import org.medicore.analytics.domain.DashboardRules;
import org.medicore.analytics.domain.Dimension;
import org.medicore.analytics.domain.DimensionKey;
import org.medicore.analytics.domain.WindowCounts;
import org.medicore.analytics.domain.WindowFigures;
import org.medicore.analytics.fixtures.AnalyticsTopicReader;
import org.medicore.analytics.fixtures.EventRecords;
import org.medicore.contracts.events.v1.AnalyticsWindow;
import org.medicore.localstack.TestStack;
import org.medicore.localstack.pact.EventsBeforeV2;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.medicore.analytics.fixtures.AnAppointment.anAppointment;
import static org.medicore.analytics.fixtures.AnInvoice.anInvoice;

/** Against the real broker: exactly-once processing with changelogged stores, across a stop and a restart. */
class AnalyticsStreamsRestartTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path stateDirs;

    private final String clinicId = "clinic-" + UUID.randomUUID();
    private final Instant at = Instant.now().truncatedTo(ChronoUnit.MINUTES).plusSeconds(5);
    private final List<KafkaStreams> started = new ArrayList<>();

    @AfterEach
    void stopStreams() {
        started.forEach(streams -> streams.close(CloseOptions.groupMembershipOperation(
                CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(Duration.ofSeconds(30))));
    }

    @Test
    void should_give_the_same_totals_after_a_stop_and_a_restart_from_the_changelog_as_without_one() {
        String run = UUID.randomUUID().toString();
        KafkaStreams neverStopped = start("analytics-never-stopped-" + run, "never-stopped");
        KafkaStreams stopped = start("analytics-restarted-" + run, "restarted");
        var invoice = anInvoice().forAppointmentOf(clinicId, "Cardiology", "dr-novak");
        Message repeated = anAppointment().atClinic(clinicId).booked(at);

        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, repeated);
            send(producer, anAppointment().atClinic(clinicId).booked(at));
            send(producer, invoice.issued(at, 12_000));
            await().atMost(PATIENCE).ignoreException(FiguresUnavailable.class)
                    .until(() -> clinicWindow(stopped).bookings() == 2);

            // as a scaled-down pod does: leave the group, so the partitions move at once
            stopped.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(30)));
            // one left on the topic from before events v2, and the repeat as written before v2: counted once
            send(producer, EventsBeforeV2.v1Of(anAppointment().atClinic(clinicId).booked(at)));
            send(producer, EventsBeforeV2.v1Of(repeated));
            send(producer, invoice.paid(at, 3_000));
        }
        // local state gone: the restarted instance rebuilds its stores from the changelogs
        KafkaStreams restarted = start("analytics-restarted-" + run, "restarted-elsewhere");

        WindowCounts expected = new WindowCounts(3, 0, 0, 0, 0, 0,
                new org.medicore.analytics.domain.Money(12_000, "EUR"), new org.medicore.analytics.domain.Money(3_000, "EUR"));
        await().atMost(PATIENCE).ignoreException(FiguresUnavailable.class)
                .until(() -> expected.equals(clinicWindow(restarted)) && expected.equals(clinicWindow(neverStopped)));
        try (AnalyticsTopicReader reader = new AnalyticsTopicReader(TestStack.kafka().bootstrapServers())) {
            await().atMost(PATIENCE).until(() -> clinicVersions(reader.events()).stream()
                    .filter(window -> window.getBookings() == 3 && window.getRevenueCollected().getAmountMinor() == 3_000)
                    .count() >= 2);
            assertThat(clinicVersions(reader.events())).allSatisfy(window -> assertThat(window.getBookings()).isLessThanOrEqualTo(3));
        }
    }

    private List<AnalyticsWindow> clinicVersions(List<Message> events) {
        return events.stream().filter(AnalyticsWindow.class::isInstance).map(AnalyticsWindow.class::cast)
                .filter(window -> window.getWindowKey().startsWith("CLINIC/" + clinicId + "/")).toList();
    }

    private WindowCounts clinicWindow(KafkaStreams streams) {
        List<WindowFigures> windows = new StreamsStateQueries(() -> streams, Duration.ofMinutes(1), Optional.empty())
                .windows(new DimensionKey(Dimension.CLINIC, clinicId), at.minusSeconds(60), at.plusSeconds(60));
        return windows.isEmpty() ? WindowCounts.NONE : windows.getFirst().counts();
    }

    private KafkaStreams start(String applicationId, String stateDir) {
        StreamsBuilder builder = new StreamsBuilder();
        new AnalyticsTopology(new AnalyticsTopology.Settings(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofDays(1),
                Duration.ofDays(7), new DashboardRules(ZoneId.of("Europe/Berlin"), 480), Clock.systemUTC())).addTo(builder);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafka().bootstrapServers());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDirs.resolve(stateDir).toString());
        KafkaStreams streams = new KafkaStreams(builder.build(), config);
        started.add(streams);
        streams.start();
        return streams;
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafka().bootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }

    private static void send(KafkaProducer<String, String> producer, Message event) {
        String topic = event.getDescriptorForType().getFullName().contains("Invoice")
                || event.getDescriptorForType().getFullName().contains("Payment")
                ? AnalyticsTopology.BILLING : AnalyticsTopology.APPOINTMENTS;
        producer.send(EventRecords.record(topic, event));
        producer.flush();
    }
}
