package org.medicore.analytics.adapter.in.kafka;

import com.google.protobuf.Message;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.test.TestRecord;
import org.medicore.analytics.adapter.proto.EventMessages;
import org.medicore.analytics.domain.DashboardRules;
import org.medicore.analytics.fixtures.EventRecords;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Properties;

/**
 * The production topology and serdes in a {@link TopologyTestDriver}: one-minute windows with a
 * 30-second grace unless given another, the clock at {@link #NINE}, events sent in the envelope of
 * the contracts.
 */
final class TopologyDriver implements AutoCloseable {

    static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");
    static final Duration GRACE = Duration.ofSeconds(30);

    private final TopologyTestDriver driver;
    private final EventJsonSerde events = new EventJsonSerde(EventMessages.counted());

    TopologyDriver(Path stateDir) {
        this(stateDir, GRACE, Duration.ofDays(1));
    }

    /** The topology with another grace period and window retention, e.g. the service's defaults. */
    TopologyDriver(Path stateDir, Duration grace, Duration windowRetention) {
        StreamsBuilder builder = new StreamsBuilder();
        new AnalyticsTopology(new AnalyticsTopology.Settings(Duration.ofMinutes(1), grace, windowRetention,
                Duration.ofDays(7), new DashboardRules(ZoneId.of("Europe/Berlin"), 480),
                Clock.fixed(NINE, ZoneOffset.UTC))).addTo(builder);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "analytics-topology-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        driver = new TopologyTestDriver(builder.build(), config);
    }

    TestInputTopic<String, Message> input(String topic) {
        return driver.createInputTopic(topic, new StringSerializer(), events);
    }

    /** A topic to write raw values to, readable or not. */
    TestInputTopic<String, String> inputAsWritten(String topic) {
        return driver.createInputTopic(topic, new StringSerializer(), new StringSerializer());
    }

    TestOutputTopic<String, Message> analytics() {
        return driver.createOutputTopic(AnalyticsTopology.ANALYTICS, new StringDeserializer(),
                new EventJsonSerde(EventMessages.published()));
    }

    /** The analytics topic as written: key, JSON value and headers, unread. */
    TestOutputTopic<String, String> analyticsAsWritten() {
        return driver.createOutputTopic(AnalyticsTopology.ANALYTICS, new StringDeserializer(), new StringDeserializer());
    }

    static void send(TestInputTopic<String, Message> topic, Message event) {
        topic.pipeInput(new TestRecord<>(EventRecords.key(event), event, EventRecords.headers(event), NINE));
    }

    @Override
    public void close() {
        driver.close();
    }
}
