package org.medicore.analytics.adapter.proto;

import au.com.dius.pact.core.model.Interaction;
import com.google.protobuf.InvalidProtocolBufferException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.medicore.analytics.domain.ClinicEvent;
import org.medicore.localstack.pact.EventInteraction;
import org.medicore.localstack.pact.EventPacts;

import java.nio.charset.StandardCharsets;

/** A pact's event read into the domain the way the topology reads a record: by its type header, from its JSON. */
final class CountedEvents {

    private CountedEvents() {
    }

    static ClinicEvent counted(Interaction event) throws InvalidProtocolBufferException {
        ConsumerRecord<String, String> record = EventPacts.record(event);
        String type = new String(record.headers().lastHeader(EventInteraction.EVENT_TYPE).value(), StandardCharsets.UTF_8);
        return EventMessages.toDomain(EventMessages.counted().fromJson(type, record.value()).orElseThrow());
    }
}
