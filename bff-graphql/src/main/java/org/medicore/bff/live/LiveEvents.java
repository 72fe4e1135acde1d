package org.medicore.bff.live;

import org.medicore.support.kafka.KafkaClientSettings;
import com.google.protobuf.Message;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.medicore.contracts.events.v1.AnalyticsWindow;
import org.medicore.contracts.events.v1.LabReportHeld;
import org.medicore.contracts.events.v1.LabReportProcessed;
import org.medicore.contracts.events.v1.LabReportRejected;
import org.medicore.contracts.events.v2.AppointmentEventVersions;
import org.medicore.support.kafka.ConsumedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One Kafka consumer per BFF instance, fanned out to every subscriber. Its consumer group is
 * its own, so every instance sees every event, and it starts at the end of the topics: a
 * subscription shows what happens from now on. A slow subscriber loses its oldest events rather
 * than holding up the others.
 */
final class LiveEvents implements SmartLifecycle {

    static final List<String> TOPICS = List.of("medicore.appointments.v1", "medicore.labs.v1", "medicore.analytics.v1");

    private static final Logger LOG = LoggerFactory.getLogger(LiveEvents.class);

    /**
     * The lab and analytics events a subscription shows, by the full name their {@code event-type} header
     * gives, read into their generated classes (appointment events come through {@link AppointmentEventVersions}).
     */
    private static final Map<String, Supplier<Message.Builder>> SHOWN = Stream.of(LabReportProcessed.getDefaultInstance(),
                    LabReportRejected.getDefaultInstance(), LabReportHeld.getDefaultInstance(), AnalyticsWindow.getDefaultInstance())
            .collect(Collectors.toUnmodifiableMap(event -> event.getDescriptorForType().getFullName(),
                    event -> event::newBuilderForType));

    private final LiveSettings settings;
    private final KafkaClientSettings clients;
    /**
     * Made anew on every start: a stop completes the subscriptions of its time, and a context that
     * is stopped and started again (Spring's test contexts pause between uses) must push again.
     */
    private volatile Sinks.Many<LiveEvent> sink = Sinks.many().multicast().directBestEffort();
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean running;
    private volatile boolean listening;
    private volatile boolean completed;
    private Thread poller;

    LiveEvents(LiveSettings settings, KafkaClientSettings clients) {
        this.settings = settings;
        this.clients = clients;
    }

    /** The events from now on, each subscriber with its own bounded buffer. */
    Flux<LiveEvent> stream() {
        return sink.asFlux().onBackpressureBuffer(settings.bufferPerSubscriber(),
                dropped -> LOG.debug("a slow subscriber missed a {}", dropped.type()), BufferOverflowStrategy.DROP_OLDEST);
    }

    @Override
    public void start() {
        if (completed) {
            sink = Sinks.many().multicast().directBestEffort();
            completed = false;
        }
        Properties config = new Properties();
        config.putAll(clients.properties());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bff-live-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(TOPICS, new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                listening = false;
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                listening = !partitions.isEmpty();
            }
        });
        running = true;
        poller = Thread.ofPlatform().name("bff-live-events").daemon().start(this::poll);
    }

    /**
     * Polls until stopped. Whatever goes wrong with one poll or one event is logged and the next
     * poll follows: a poller that ended would leave every subscription silent while it looked open.
     */
    private void poll() {
        try {
            while (running) {
                try {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        read(record);
                    }
                } catch (WakeupException stopping) {
                    throw stopping;
                } catch (RuntimeException failure) {
                    LOG.warn("live events: a poll failed, polling again in a second", failure);
                    Thread.sleep(1000);
                }
            }
        } catch (WakeupException stopping) {
            LOG.debug("live events stopping");
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } finally {
            listening = false;
            consumer.close();
        }
    }

    /**
     * Every event is read into its generated class, so subscriptions take its fields through their
     * accessors; appointment events of either version as medicore.events.v2. Other types are passed over.
     */
    void read(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(ConsumedEvents.EVENT_TYPE);
        String typeName = header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
        Optional<Message.Builder> appointmentEvent = AppointmentEventVersions.builderFor(typeName);
        Optional<Message.Builder> builder = appointmentEvent.or(() -> Optional.ofNullable(SHOWN.get(typeName)).map(Supplier::get));
        if (builder.isEmpty() || record.value() == null) {
            return;
        }
        String type = builder.get().getDescriptorForType().getName();
        try {
            Message event = ConsumedEvents.parse(record, builder.get());
            Message read = appointmentEvent.isPresent() ? AppointmentEventVersions.asV2(event) : event;
            Sinks.EmitResult emitted = sink.tryEmitNext(new LiveEvent(type, read));
            if (emitted.isFailure() && emitted != Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER) {
                LOG.warn("live events: a {} at {}-{}@{} reached no subscriber: {}", type, record.topic(),
                        record.partition(), record.offset(), emitted);
            }
        } catch (RuntimeException unreadable) {
            LOG.warn("skipped an unreadable {} at {}-{}@{}", type, record.topic(), record.partition(), record.offset(),
                    unreadable);
        }
    }

    /** True once the consumer has its partitions: from then on nothing published is missed. */
    boolean listening() {
        return listening;
    }

    @Override
    public void stop() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        sink.tryEmitComplete();
        completed = true;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
