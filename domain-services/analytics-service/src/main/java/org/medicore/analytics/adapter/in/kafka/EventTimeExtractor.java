package org.medicore.analytics.adapter.in.kafka;

import com.google.protobuf.Message;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.medicore.analytics.adapter.proto.EventMessages;

/** Event time: when the event counts (its occurred_at; an invoice void when the invoice was issued), not when it reached Kafka. */
final class EventTimeExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof Message event) {
            return EventMessages.toDomain(event).countedAt().toEpochMilli();
        }
        // a type analytics does not count; it is dropped right after the source
        return record.timestamp() >= 0 ? record.timestamp() : partitionTime;
    }
}
