package org.medicore.analytics.adapter.in.kafka;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.medicore.analytics.adapter.proto.EventMessages;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Events on the MediCore topics: the proto3 JSON form, typed by the {@code event-type} header.
 * A record of a type outside {@link #events} reads as {@code null}, which the topology drops;
 * an unreadable one throws, and the deserialization exception handler decides.
 */
public final class EventJsonSerde extends StatelessSerde<Message> {

    public static final String EVENT_ID = "event-id";
    public static final String EVENT_TYPE = "event-type";
    public static final String OCCURRED_AT = "occurred-at";

    private final EventMessages events;
    private final Function<Message, ?> check;

    public EventJsonSerde(EventMessages events) {
        this(events, Function.identity());
    }

    /** Reads events that {@code check} accepts; one it refuses (IllegalArgumentException) is unreadable, like malformed JSON. */
    EventJsonSerde(EventMessages events, Function<Message, ?> check) {
        this.events = events;
        this.check = check;
    }

    @Override
    public byte[] serialize(String topic, Message event) {
        return event == null ? null : EventMessages.toJson(event).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Message deserialize(String topic, byte[] json) {
        return deserialize(topic, new RecordHeaders(), json);
    }

    @Override
    public Message deserialize(String topic, Headers headers, byte[] json) {
        Header type = headers.lastHeader(EVENT_TYPE);
        if (json == null || type == null) {
            return null;
        }
        String typeName = new String(type.value(), StandardCharsets.UTF_8);
        try {
            Message event = events.fromJson(typeName, new String(json, StandardCharsets.UTF_8)).orElse(null);
            if (event != null) {
                check.apply(event);
            }
            return event;
        } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
            throw new SerializationException("not a readable " + typeName + " on " + topic + ": " + e.getMessage(), e);
        }
    }
}
