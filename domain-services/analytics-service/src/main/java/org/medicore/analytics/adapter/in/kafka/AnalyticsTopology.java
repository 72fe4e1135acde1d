package org.medicore.analytics.adapter.in.kafka;

import com.google.protobuf.Message;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.medicore.analytics.adapter.proto.AnalyticsProtos;
import org.medicore.analytics.adapter.proto.EventMessages;
import org.medicore.analytics.domain.BookedDay;
import org.medicore.analytics.domain.ClinicActivity;
import org.medicore.analytics.domain.ClinicEvent;
import org.medicore.analytics.domain.ClinicEvent.AppointmentEvent;
import org.medicore.analytics.domain.DashboardRules;
import org.medicore.analytics.domain.DimensionKey;
import org.medicore.analytics.domain.WindowCounts;
import org.medicore.analytics.domain.WindowFigures;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The analytics stream processing. Counted events from the patient, appointment and billing
 * topics, on event time, once each:
 * <ul>
 *   <li>per dimension value into one tumbling window after another, published on every change
 *       and once more, {@code final}, when the window closes after the grace period;</li>
 *   <li>appointment events per clinic into the dashboard's rolling figures, published after
 *       every event.</li>
 * </ul>
 * All state is in named local stores with changelog topics; the stores are queried by
 * {@link StreamsStateQueries}.
 */
public final class AnalyticsTopology {

    public static final String PATIENTS = "medicore.patients.v1";
    public static final String APPOINTMENTS = "medicore.appointments.v1";
    public static final String BILLING = "medicore.billing.v1";
    public static final String ANALYTICS = "medicore.analytics.v1";

    public static final String SEEN_EVENTS = "seen-event-ids";
    public static final String WINDOW_COUNTS = "window-counts";
    public static final String CLINIC_ACTIVITY = "clinic-activity";
    public static final String BOOKED_DAYS = "clinic-booked-days";

    static final StateSerde<WindowCounts> COUNTS = new StateSerde<>(WindowCounts.class);

    private final Settings settings;

    public AnalyticsTopology(Settings settings) {
        this.settings = settings;
    }

    /**
     * @param windowSize      length of a tumbling window
     * @param grace           how late an event may arrive (in event time) and still count in its window
     * @param windowRetention how long window figures stay queryable
     * @param deduplication   how long event ids are remembered to drop repeats
     */
    public record Settings(Duration windowSize, Duration grace, Duration windowRetention, Duration deduplication,
                           DashboardRules rules, Clock clock) {

        public Settings {
            Objects.requireNonNull(rules, "rules");
            Objects.requireNonNull(clock, "clock");
            if (windowRetention.compareTo(windowSize.plus(grace)) < 0) {
                throw new IllegalArgumentException("windows must be kept at least until they close");
            }
        }
    }

    public void addTo(StreamsBuilder builder) {
        EventMessages counted = EventMessages.counted();
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(SEEN_EVENTS, settings.deduplication(), settings.deduplication(), false),
                Serdes.String(), Serdes.Long()));

        KStream<String, Message> events = builder
                .stream(List.of(PATIENTS, APPOINTMENTS, BILLING),
                        Consumed.with(Serdes.String(), new EventJsonSerde(counted, EventMessages::toDomain))
                                .withTimestampExtractor(new EventTimeExtractor())
                                .withName("events"))
                .filter((aggregateId, event) -> event != null, Named.as("counted-types"))
                .processValues(() -> new DropDuplicateEvents(SEEN_EVENTS, settings.deduplication()),
                        Named.as("drop-duplicates"), SEEN_EVENTS);

        KTable<Windowed<String>, WindowCounts> windows = events
                .flatMap((aggregateId, event) -> countsPerDimension(EventMessages.toDomain(event)), Named.as("counts-per-dimension"))
                .groupByKey(Grouped.with("by-dimension", Serdes.String(), COUNTS))
                .windowedBy(TimeWindows.ofSizeAndGrace(settings.windowSize(), settings.grace()))
                .reduce(WindowCounts::plus, Named.as("sum-window"),
                        Materialized.<String, WindowCounts, WindowStore<Bytes, byte[]>>as(WINDOW_COUNTS)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(COUNTS)
                                .withRetention(settings.windowRetention()));

        KStream<String, Message> live = windows
                .toStream(Named.as("window-changes"))
                .map((window, counts) -> published(window, counts, false), Named.as("live-window"));
        KStream<String, Message> closed = windows
                .suppress(Suppressed.<Windowed<String>>untilWindowCloses(Suppressed.BufferConfig.unbounded())
                        .withName("until-window-closes"))
                .toStream(Named.as("closed-windows"))
                .map((window, counts) -> published(window, counts, true), Named.as("final-window"));

        KStream<String, Message> rolling = rollingFigures(builder, events, counted);

        live.merge(closed, Named.as("windows"))
                .merge(rolling, Named.as("published"))
                .processValues(WithEventHeaders::new, Named.as("event-headers"))
                .to(ANALYTICS, Produced.with(Serdes.String(), new EventJsonSerde(EventMessages.published()))
                        .withName("analytics"));
    }

    private KStream<String, Message> rollingFigures(StreamsBuilder builder, KStream<String, Message> events,
                                                    EventMessages counted) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CLINIC_ACTIVITY),
                Serdes.String(), new StateSerde<>(ClinicActivity.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BOOKED_DAYS),
                Serdes.String(), new StateSerde<>(BookedDay.class)));
        return events
                .selectKey((aggregateId, event) -> clinicOfAppointment(event), Named.as("clinic-of-appointment"))
                .filter((clinicId, event) -> !clinicId.isEmpty(), Named.as("appointments-of-clinics"))
                .repartition(Repartitioned.with(Serdes.String(), new EventAnySerde(counted)).withName("appointments-by-clinic"))
                .mapValues(event -> (AppointmentEvent) EventMessages.toDomain(event), Named.as("appointment-events"))
                .process(() -> new RollingFiguresProcessor(settings.rules()), Named.as("rolling-figures"),
                        CLINIC_ACTIVITY, BOOKED_DAYS);
    }

    /** The clinic of an appointment event; empty for other events and appointments without a clinic. */
    private static String clinicOfAppointment(Message event) {
        return EventMessages.toDomain(event) instanceof AppointmentEvent appointment ? appointment.careUnit().clinicId() : "";
    }

    private static List<KeyValue<String, WindowCounts>> countsPerDimension(ClinicEvent event) {
        WindowCounts counts = WindowCounts.of(event);
        if (counts.equals(WindowCounts.NONE)) {
            return List.of();
        }
        return event.dimensions().stream().map(key -> KeyValue.pair(key.asText(), counts)).toList();
    }

    private KeyValue<String, Message> published(Windowed<String> window, WindowCounts counts, boolean closed) {
        WindowFigures figures = new WindowFigures(DimensionKey.parse(window.key()), window.window().startTime(),
                window.window().endTime(), counts, closed);
        return KeyValue.pair(figures.windowKey(), AnalyticsProtos.PROTOS.window(figures, settings.clock().instant()));
    }
}
