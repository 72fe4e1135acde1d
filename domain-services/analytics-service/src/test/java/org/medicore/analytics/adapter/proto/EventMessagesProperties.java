package org.medicore.analytics.adapter.proto;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.medicore.support.kafka.AppointmentEventPairs;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class EventMessagesProperties {

    private final EventMessages counted = EventMessages.counted();

    /** Read as the topology's serde reads a record (JSON by its type header), then into the domain where counted. */
    @Property
    void an_appointment_event_reads_the_same_whether_written_as_v1_or_as_v2(@ForAll("pairs") AppointmentEventPairs.Pair event)
            throws Exception {
        assertThat(read(event.v1())).isEqualTo(read(event.v2()));
    }

    /** The domain event, none for a type not counted, or the refusal the serde turns into an unreadable record. */
    private Object read(ConsumerRecord<String, String> record) throws Exception {
        String type = new String(record.headers().lastHeader("event-type").value(), StandardCharsets.UTF_8);
        try {
            return counted.fromJson(type, record.value()).map(EventMessages::toDomain);
        } catch (IllegalArgumentException refused) {
            return refused.getMessage();
        }
    }

    @Provide
    Arbitrary<AppointmentEventPairs.Pair> pairs() {
        return AppointmentEventPairs.pairs();
    }
}
