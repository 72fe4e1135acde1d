package org.medicore.notification.adapter.in.kafka;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.medicore.support.kafka.AppointmentEventPairs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.support.kafka.AppointmentEventPairs.outcome;

class EventReaderProperties {

    private final EventReader reader = new EventReader();

    @Property
    void an_appointment_event_reads_the_same_whether_written_as_v1_or_as_v2(@ForAll("pairs") AppointmentEventPairs.Pair event) {
        assertThat(outcome(reader::read, event.v1())).isEqualTo(outcome(reader::read, event.v2()));
    }

    @Provide
    Arbitrary<AppointmentEventPairs.Pair> pairs() {
        return AppointmentEventPairs.pairs();
    }
}
