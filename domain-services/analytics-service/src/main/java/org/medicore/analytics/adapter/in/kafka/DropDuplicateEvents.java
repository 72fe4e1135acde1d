package org.medicore.analytics.adapter.in.kafka;

import com.google.protobuf.Message;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.medicore.analytics.adapter.proto.EventMessages;

import java.time.Duration;

/**
 * Producers deliver at least once (transactional outbox), so the same event can arrive twice;
 * this remembers event ids for a while and lets each through once. Keyed by aggregate id, a
 * repeat lands in the same partition, so the partition's own store sees it.
 */
final class DropDuplicateEvents implements FixedKeyProcessor<String, Message, Message> {

    private final String storeName;
    private final Duration remembered;
    private FixedKeyProcessorContext<String, Message> context;
    private WindowStore<String, Long> seen;

    DropDuplicateEvents(String storeName, Duration remembered) {
        this.storeName = storeName;
        this.remembered = remembered;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Message> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, Message> record) {
        String eventId = EventMessages.eventId(record.value());
        if (eventId.isBlank()) {
            // nothing to recognise a repeat by
            context.forward(record);
            return;
        }
        long at = record.timestamp();
        try (WindowStoreIterator<Long> earlier = seen.fetch(eventId, at - remembered.toMillis(), at + remembered.toMillis())) {
            if (earlier.hasNext()) {
                return;
            }
        }
        seen.put(eventId, at, at);
        context.forward(record);
    }
}
