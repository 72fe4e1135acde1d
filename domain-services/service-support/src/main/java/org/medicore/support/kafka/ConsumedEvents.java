package org.medicore.support.kafka;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Reading a consumed event by the envelope of contracts' events: the {@code event-type} header
 * names the message, the value is its proto3 JSON (unknown fields ignored, so producers may add
 * fields). Anything unreadable is an {@link UnreadableEvent}.
 */
public final class ConsumedEvents {

    public static final String EVENT_TYPE = "event-type";

    private static final JsonFormat.Parser JSON = JsonFormat.parser().ignoringUnknownFields();

    private ConsumedEvents() {
    }

    public static String eventType(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(EVENT_TYPE);
        if (header == null) {
            throw new UnreadableEvent("no " + EVENT_TYPE + " header");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    public static <T extends Message> T parse(ConsumerRecord<String, String> record, Message.Builder builder) {
        if (record.value() == null) {
            throw new UnreadableEvent("no value");
        }
        try {
            JSON.merge(record.value(), builder);
            return (T) builder.build();
        } catch (InvalidProtocolBufferException e) {
            throw new UnreadableEvent("not the proto3 JSON of " + builder.getDescriptorForType().getFullName(), e);
        }
    }

    public static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new UnreadableEvent(field + " is not a UUID: '" + value + "'", e);
        }
    }

    public static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }
}
