package org.medicore.bff.live;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.medicore.support.kafka.AppointmentEventPairs;
import org.medicore.support.kafka.KafkaClientSettings;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LiveEventsProperties {

    /** What subscriptions receive is the same LiveEvent (type and v2 message) whichever version was on the topic. */
    @Property
    void an_appointment_event_reaches_subscriptions_the_same_whether_written_as_v1_or_as_v2(
            @ForAll("pairs") AppointmentEventPairs.Pair event) {
        assertThat(seen(event.v1())).hasSize(1).isEqualTo(seen(event.v2()));
    }

    private static List<LiveEvent> seen(ConsumerRecord<String, String> record) {
        LiveEvents live = new LiveEvents(new LiveSettings("127.0.0.1:1", 16, "http://127.0.0.1:1", "clinic-1"),
                KafkaClientSettings.NONE);
        List<LiveEvent> seen = new ArrayList<>();
        live.stream().subscribe(seen::add);
        live.read(record);
        return seen;
    }

    @Provide
    Arbitrary<AppointmentEventPairs.Pair> pairs() {
        return AppointmentEventPairs.pairs();
    }
}
