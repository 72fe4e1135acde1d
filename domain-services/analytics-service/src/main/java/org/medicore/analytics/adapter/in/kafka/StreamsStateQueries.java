package org.medicore.analytics.adapter.in.kafka;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.medicore.analytics.application.port.out.FiguresUnavailable;
import org.medicore.analytics.application.port.out.LoadClinicActivity;
import org.medicore.analytics.application.port.out.LoadWindowFigures;
import org.medicore.analytics.application.port.out.LocateFigures;
import org.medicore.analytics.domain.BookedDay;
import org.medicore.analytics.domain.ClinicActivity;
import org.medicore.analytics.domain.DimensionKey;
import org.medicore.analytics.domain.WindowCounts;
import org.medicore.analytics.domain.WindowFigures;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Interactive queries on this instance's stores. Each instance holds the partitions assigned to
 * it; with several instances, Streams' metadata says which instance holds a key.
 */
public final class StreamsStateQueries implements LoadClinicActivity, LoadWindowFigures, LocateFigures {

    private final Supplier<KafkaStreams> streams;
    private final Duration windowSize;
    private final Optional<HostInfo> self;

    /**
     * @param self this instance's {@code application.server} (host and port of its read API);
     *             empty when it runs alone and holds every partition
     */
    public StreamsStateQueries(Supplier<KafkaStreams> streams, Duration windowSize, Optional<HostInfo> self) {
        this.streams = streams;
        this.windowSize = windowSize;
        this.self = self;
    }

    @Override
    public Optional<URI> otherInstanceHoldingClinic(String clinicId) {
        return otherInstanceHolding(AnalyticsTopology.CLINIC_ACTIVITY, clinicId);
    }

    @Override
    public Optional<URI> otherInstanceHoldingWindows(DimensionKey key) {
        return otherInstanceHolding(AnalyticsTopology.WINDOW_COUNTS, key.asText());
    }

    private Optional<URI> otherInstanceHolding(String store, String key) {
        if (self.isEmpty()) {
            return Optional.empty();
        }
        KeyQueryMetadata metadata = streams.get().queryMetadataForKey(store, key, Serdes.String().serializer());
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            throw new FiguresUnavailable("no instance holds " + store + " for " + key + " right now", null);
        }
        HostInfo holder = metadata.activeHost();
        return holder.equals(self.get())
                ? Optional.empty()
                : Optional.of(URI.create("http://" + holder.host() + ":" + holder.port()));
    }

    @Override
    public Optional<ClinicActivity> activity(String clinicId) {
        return read(AnalyticsTopology.CLINIC_ACTIVITY, QueryableStoreTypes.<String, ClinicActivity>keyValueStore(),
                store -> Optional.ofNullable(store.get(clinicId)));
    }

    @Override
    public BookedDay bookedDay(String clinicId, LocalDate date) {
        BookedDay day = read(AnalyticsTopology.BOOKED_DAYS, QueryableStoreTypes.<String, BookedDay>keyValueStore(),
                store -> store.get(BookedDayKey.of(clinicId, date)));
        return day == null ? BookedDay.empty(date) : day;
    }

    @Override
    public List<WindowFigures> windows(DimensionKey key, Instant from, Instant to) {
        return read(AnalyticsTopology.WINDOW_COUNTS, QueryableStoreTypes.<String, WindowCounts>windowStore(), store -> {
            List<WindowFigures> figures = new ArrayList<>();
            try (WindowStoreIterator<WindowCounts> windows = store.fetch(key.asText(), from, to)) {
                while (windows.hasNext()) {
                    KeyValue<Long, WindowCounts> window = windows.next();
                    Instant start = Instant.ofEpochMilli(window.key);
                    figures.add(new WindowFigures(key, start, start.plus(windowSize), window.value, false));
                }
            }
            return figures;
        });
    }

    /** Stores can't be read while Streams restores or rebalances them, whether asked for or read from. */
    private <S, R> R read(String name, QueryableStoreType<S> type, Function<S, R> query) {
        try {
            return query.apply(streams.get().store(StoreQueryParameters.fromNameAndType(name, type)));
        } catch (InvalidStateStoreException e) {
            throw new FiguresUnavailable("store " + name + " is not queryable now", e);
        }
    }
}
