package org.medicore.localstack.pact;

import au.com.dius.pact.core.model.Consumer;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.Provider;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.v4.MessageContents;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The pact of an event consumer with a producer, and its messages as the records a consumer receives. */
public final class EventPacts {

    private static final List<String> HEADERS = List.of(EventInteraction.EVENT_ID, EventInteraction.EVENT_TYPE,
            EventInteraction.OCCURRED_AT);

    private EventPacts() {
    }

    public static V4Pact pact(String consumer, String provider, EventInteraction... events) {
        return new V4Pact(new Consumer(consumer), new Provider(provider),
                Arrays.stream(events).<Interaction>map(EventInteraction::build).toList());
    }

    /** The Kafka record that the pact's message stands for: topic, key, JSON value and envelope headers. */
    public static ConsumerRecord<String, String> record(Interaction interaction) {
        MessageContents message = ((V4Interaction.AsynchronousMessage) interaction).getContents();
        ConsumerRecord<String, String> record = new ConsumerRecord<>(
                RpcContents.metadata(message, EventInteraction.TOPIC), 0, 0L,
                RpcContents.metadata(message, EventInteraction.KEY), message.getContents().valueAsString());
        HEADERS.forEach(header -> record.headers().add(header,
                RpcContents.metadata(message, header).getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
