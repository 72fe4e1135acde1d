package org.medicore.analytics.adapter.in.kafka;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import org.apache.kafka.common.errors.SerializationException;
import org.medicore.analytics.adapter.proto.EventMessages;

/** Events on the topology's own repartition topics: binary protobuf packed in an {@link Any}, so the type travels along. */
final class EventAnySerde extends StatelessSerde<Message> {

    private final EventMessages events;

    EventAnySerde(EventMessages events) {
        this.events = events;
    }

    @Override
    public byte[] serialize(String topic, Message event) {
        return event == null ? null : Any.pack(event).toByteArray();
    }

    @Override
    public Message deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            Any any = Any.parseFrom(bytes);
            String type = any.getTypeUrl().substring(any.getTypeUrl().lastIndexOf('/') + 1);
            return events.fromBinary(type, any.getValue())
                    .orElseThrow(() -> new SerializationException("unexpected event type " + type + " on " + topic));
        } catch (InvalidProtocolBufferException e) {
            throw new SerializationException("not a packed event on " + topic, e);
        }
    }
}
