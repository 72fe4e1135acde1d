package org.medicore.bff.live;

import au.com.dius.pact.consumer.MessagePactBuilder;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.junit5.ProviderType;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import com.google.protobuf.Timestamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medicore.support.kafka.KafkaClientSettings;
import org.medicore.bff.pact.BffPacts;
import org.medicore.contracts.events.v1.AnalyticsDimension;
import org.medicore.contracts.events.v1.AnalyticsWindow;
import org.medicore.localstack.Topics;
import org.medicore.localstack.pact.CommittedPacts;
import org.medicore.localstack.pact.EventInteraction;
import org.medicore.localstack.pact.EventPacts;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The analytics windows the portal's subscription shows, read by the BFF's live events as they come off Kafka. */
@ExtendWith({CommittedPacts.class, PactConsumerTestExt.class})
@PactTestFor(providerName = "analytics-service", providerType = ProviderType.ASYNCH)
class AnalyticsWindowPactTest {

    @Pact(consumer = BffPacts.CONSUMER)
    V4Pact analyticsWindows(MessagePactBuilder builder) {
        return EventPacts.pact(BffPacts.CONSUMER, "analytics-service", EventInteraction.event(AnalyticsWindow.newBuilder()
                        .setEventId("4b2d8f6a-1c9e-4e3b-a7d5-2f8b6d4a1c77").setOccurredAt(at(1_780_000_030))
                        .setWindowKey("CLINIC/clinic-1/2026-05-28T20:26:00Z").setWindowStart(at(1_780_000_000))
                        .setWindowEnd(at(1_780_000_060)).setDimension(AnalyticsDimension.CLINIC)
                        .setDimensionKey("clinic-1").setBookings(1).build())
                .on(Topics.ANALYTICS).given("a booking is counted in its minute"));
    }

    @Test
    void the_window_reaches_the_subscription_with_its_figures(List<Interaction> windows) {
        LiveEvents live = new LiveEvents(new LiveSettings("127.0.0.1:1", 16, "http://127.0.0.1:1", "clinic-1"), KafkaClientSettings.NONE);
        List<LiveEvent> seen = new ArrayList<>();
        live.stream().subscribe(seen::add);

        live.read(EventPacts.record(windows.getFirst()));

        assertThat(seen).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("AnalyticsWindow");
            assertThat(event.message()).isInstanceOfSatisfying(AnalyticsWindow.class, window -> {
                assertThat(window.getWindowKey()).isNotBlank();
                assertThat(window.getBookings()).isPositive();
            });
        });
    }

    private static Timestamp at(long seconds) {
        return Timestamp.newBuilder().setSeconds(seconds).build();
    }
}
