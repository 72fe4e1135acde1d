package org.medicore.notification.adapter.in.kafka;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.medicore.support.kafka.AppointmentEventPairs;
import org.medicore.support.kafka.UnreadableEvent;

import static org.assertj.core.api.Assertions.assertThat;

class EventReaderProperties {

    private final EventReader reader = new EventReader();

    @Property
    void an_appointment_event_reads_the_same_whether_written_as_v1_or_as_v2(@ForAll("pairs") AppointmentEventPairs.Pair event) {
        assertThat(outcome(event.v1())).isEqualTo(outcome(event.v2()));
    }

    /** What the reader makes of a record, or the refusal it gives. */
    private Object outcome(ConsumerRecord<String, String> record) {
        try {
            return reader.read(record);
        } catch (UnreadableEvent unreadable) {
            return unreadable.getMessage();
        }
    }

    @Provide
    Arbitrary<AppointmentEventPairs.Pair> pairs() {
        return AppointmentEventPairs.pairs();
    }
}
