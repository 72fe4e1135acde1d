package org.medicore.analytics.adapter.in.kafka;

import com.google.protobuf.Message;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.medicore.analytics.adapter.proto.EventMessages;

import java.nio.charset.StandardCharsets;

/** Gives a published event the envelope headers of the contracts, replacing those of the event it was computed from. */
final class WithEventHeaders implements FixedKeyProcessor<String, Message, Message> {

    private FixedKeyProcessorContext<String, Message> context;

    @Override
    public void init(FixedKeyProcessorContext<String, Message> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, Message> record) {
        Message event = record.value();
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventJsonSerde.EVENT_ID, utf8(EventMessages.eventId(event)));
        headers.add(EventJsonSerde.EVENT_TYPE, utf8(EventMessages.typeName(event)));
        // Instant prints RFC 3339 in UTC
        headers.add(EventJsonSerde.OCCURRED_AT, utf8(EventMessages.occurredAt(event).toString()));
        context.forward(record.withHeaders(headers));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
