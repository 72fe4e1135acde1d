package org.medicore.analytics.adapter.proto;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import com.google.protobuf.InvalidProtocolBufferException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.medicore.analytics.domain.ClinicEvent;
import org.medicore.support.kafka.AppointmentEventPairs;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.support.kafka.AppointmentEventPairs.outcome;

class EventMessagesProperties {

    private final EventMessages counted = EventMessages.counted();

    /** Read as the topology's serde reads a record (JSON by its type header), then into the domain where counted. */
    @Property
    void an_appointment_event_reads_the_same_whether_written_as_v1_or_as_v2(@ForAll("pairs") AppointmentEventPairs.Pair event) {
        assertThat(outcome(this::read, event.v1())).isEqualTo(outcome(this::read, event.v2()));
    }

    private Optional<ClinicEvent> read(ConsumerRecord<String, String> record) {
        String type = new String(record.headers().lastHeader("event-type").value(), StandardCharsets.UTF_8);
        try {
            return counted.fromJson(type, record.value()).map(EventMessages::toDomain);
        } catch (InvalidProtocolBufferException unreadable) {
            throw new IllegalArgumentException(unreadable);
        }
    }

    @Provide
    Arbitrary<AppointmentEventPairs.Pair> pairs() {
        return AppointmentEventPairs.pairs();
    }
}
