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
 * followed by its version after the first ({@code AppointmentBooked}, {@code AppointmentBooked v2}),
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

    /**
     * An event like {@code example}: its fields 1 to 3 are the event id, the instant and the aggregate
     * id, or (medicore.events.v2) the aggregate's facts, whose field 1 is its id.
     */
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
        MessageInteractionBuilder interaction = new MessageInteractionBuilder(description(),
                new ArrayList<>(), new ArrayList<>());
        states.forEach(state -> interaction.state(state, Map.of()));
        interaction.withContents(contents -> contents.withContent(ProtoJsonBody.received(event))
                .withMetadata(metadata -> metadata.add(TOPIC, topic)
                        .add(EVENT_TYPE, event.getDescriptorForType().getFullName())
                        .uuid(EVENT_ID, (String) envelope(event, 1))
                        .like(OCCURRED_AT, "2026-06-01T08:00:00Z")
                        .like(KEY, key())));
        return interaction.build();
    }

    Message example() {
        return event;
    }

    String topic() {
        return topic;
    }

    List<String> states() {
        return List.copyOf(states);
    }

    private String description() {
        String version = event.getDescriptorForType().getFile().getPackage().replace("medicore.events.", "");
        String name = event.getDescriptorForType().getName();
        return version.equals("v1") ? name : name + " " + version;
    }

    private String key() {
        Object aggregate = envelope(event, 3);
        return aggregate instanceof Message facts ? (String) envelope(facts, 1) : (String) aggregate;
    }

    private static Object envelope(Message message, int field) {
        return message.getField(message.getDescriptorForType().findFieldByNumber(field));
    }
}
