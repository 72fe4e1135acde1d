package org.medicore.localstack.pact;

import au.com.dius.pact.consumer.dsl.MessageInteractionBuilder;
import au.com.dius.pact.core.model.V4Interaction;
import com.google.protobuf.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One domain event a consumer reads from Kafka, as a V4 asynchronous message: the event in its
 * proto3 JSON form (matched by type), and in the metadata the topic, the key (the aggregate id)
 * and the envelope headers, {@code event-type} exactly. Its description is the event's name,
 * so the producer has one verification per event type whatever the state.
 */
public final class EventInteraction {

    public static final String TOPIC = "topic";
    public static final String KEY = "key";
    public static final String EVENT_TYPE = "event-type";
    public static final String EVENT_ID = "event-id";
    public static final String OCCURRED_AT = "occurred-at";

    private final Message event;
    private final List<String> states = new ArrayList<>();
    private String topic;

    private EventInteraction(Message event) {
        this.event = event;
    }

    /** An event like {@code example}: its fields 1 to 3 are the event id, the instant and the aggregate id. */
    public static EventInteraction event(Message example) {
        return new EventInteraction(example);
    }

    public EventInteraction given(String state) {
        states.add(state);
        return this;
    }

    public EventInteraction on(String topic) {
        this.topic = topic;
        return this;
    }

    V4Interaction build() {
        if (topic == null || states.isEmpty()) {
            throw new IllegalStateException(event.getDescriptorForType().getName() + " needs a topic and a provider state");
        }
        MessageInteractionBuilder interaction = new MessageInteractionBuilder(event.getDescriptorForType().getName(),
                new ArrayList<>(), new ArrayList<>());
        states.forEach(state -> interaction.state(state, Map.of()));
        interaction.withContents(contents -> contents.withContent(ProtoJsonBody.received(event))
                .withMetadata(metadata -> metadata.add(TOPIC, topic)
                        .add(EVENT_TYPE, event.getDescriptorForType().getFullName())
                        .uuid(EVENT_ID, envelope(1))
                        .like(OCCURRED_AT, "2026-06-01T08:00:00Z")
                        .like(KEY, envelope(3))));
        return interaction.build();
    }

    private String envelope(int field) {
        return (String) event.getField(event.getDescriptorForType().findFieldByNumber(field));
    }
}
