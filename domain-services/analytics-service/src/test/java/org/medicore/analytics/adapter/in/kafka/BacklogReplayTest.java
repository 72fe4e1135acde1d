package org.medicore.analytics.adapter.in.kafka;

import com.google.protobuf.Message;
import org.apache.kafka.streams.TestInputTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medicore.analytics.config.AnalyticsProperties;
import org.medicore.analytics.fixtures.AnAppointment;
import org.medicore.contracts.events.v1.AnalyticsDimension;
import org.medicore.contracts.events.v1.AnalyticsWindow;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.analytics.fixtures.AnAppointment.anAppointment;

/**
 * A backlog, as analytics-service meets it after a pause or under a burst: the upstream tasks
 * work through their partitions at different paces, so the windowed counts receive events hours
 * out of event-time order. With the service's default windows, grace and suppression every event
 * is counted; the figures only come later.
 */
class BacklogReplayTest {

    // TopologyTestDriver commits (flushing RocksDB) after every record: 3,000 keep the test within
    // seconds; a backlog two hours long, partition after partition, is what matters, not its size.
    private static final int EVENTS = 3_000;
    private static final int PARTITIONS = 3;
    private static final Duration SPREAD = Duration.ofHours(2);

    @TempDir
    Path stateDir;

    @Test
    void should_count_every_booking_of_a_backlog_replayed_hours_out_of_order() {
        AnalyticsProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("medicore.analytics", AnalyticsProperties.class);
        assertThat(defaults.grace()).as("grace longer than the backlog's disorder").isGreaterThan(SPREAD);
        try (TopologyDriver topology = new TopologyDriver(stateDir, defaults.grace(), defaults.windowRetention())) {
            TestInputTopic<String, Message> appointments = topology.input(AnalyticsTopology.APPOINTMENTS);
            var analytics = topology.analytics();

            // Worst case for stream time: each partition's whole backlog arrives before the next one's.
            for (List<Message> partition : backlogByPartition()) {
                partition.forEach(event -> TopologyDriver.send(appointments, event));
            }

            Map<String, Message> latestPerWindow = analytics.readKeyValuesToMap();
            long counted = latestPerWindow.values().stream().filter(AnalyticsWindow.class::isInstance)
                    .map(AnalyticsWindow.class::cast)
                    .filter(window -> window.getDimension() == AnalyticsDimension.PRACTITIONER)
                    .mapToLong(AnalyticsWindow::getBookings).sum();
            assertThat(counted).isEqualTo(EVENTS);
        }
    }

    /**
     * Bookings with one practitioner made evenly over two hours, split by aggregate into partitions
     * as Kafka would. They name no clinic or department, so only the practitioner's windows count
     * them and the clinic's rolling figures (AnalyticsTopologyTest) stay out of this test's time.
     */
    private static List<List<Message>> backlogByPartition() {
        List<List<Message>> partitions = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            partitions.add(new ArrayList<>());
        }
        Instant from = TopologyDriver.NINE;
        for (int i = 0; i < EVENTS; i++) {
            Instant bookedAt = from.plusMillis(SPREAD.toMillis() * i / EVENTS);
            AnAppointment appointment = anAppointment().atClinic("").inDepartment("").with("dr-novak");
            partitions.get(Math.floorMod(appointment.id().hashCode(), PARTITIONS)).add(appointment.booked(bookedAt));
        }
        return partitions;
    }
}
