package org.medicore.bff.live;

import org.junit.jupiter.api.Test;
import org.medicore.bff.live.LiveController.LabReportStatusChange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportStatusFeedTest {

    private final Sinks.Many<LabReportStatusChange> events = Sinks.many().multicast().directBestEffort();

    @Test
    void a_change_made_while_the_status_is_read_still_reaches_the_subscriber() {
        Flux<LabReportStatusChange> feed = ReportStatusFeed.follow(events.asFlux(), () -> {
            events.tryEmitNext(status("PROCESSED"));
            return status("PROCESSING");
        });

        assertThat(statuses(feed)).containsExactly("PROCESSING", "PROCESSED");
    }

    @Test
    void changes_after_the_read_follow_until_a_final_one_and_repeats_of_the_current_status_are_left_out() {
        Flux<LabReportStatusChange> feed = ReportStatusFeed.follow(events.asFlux(), () -> status("UPLOADED"));
        Thread.ofVirtual().start(() -> {
            sleep();
            List.of("UPLOADED", "PROCESSING", "PROCESSING", "REJECTED", "PROCESSED").forEach(s -> events.tryEmitNext(status(s)));
        });

        assertThat(statuses(feed)).containsExactly("UPLOADED", "PROCESSING", "REJECTED");
    }

    @Test
    void a_final_status_is_all_there_is_and_nothing_stays_subscribed() {
        Flux<LabReportStatusChange> feed = ReportStatusFeed.follow(events.asFlux(), () -> status("PROCESSED"));

        assertThat(statuses(feed)).containsExactly("PROCESSED");
        assertThat(events.currentSubscriberCount()).isZero();
    }

    @Test
    void a_refused_read_reaches_the_caller_and_leaves_nothing_subscribed() {
        assertThatThrownBy(() -> ReportStatusFeed.follow(events.asFlux(), () -> {
            throw new IllegalStateException("not yours");
        })).hasMessage("not yours");
        assertThat(events.currentSubscriberCount()).isZero();
    }

    private static List<String> statuses(Flux<LabReportStatusChange> feed) {
        return feed.map(LabReportStatusChange::status).collectList().block(Duration.ofSeconds(5));
    }

    private static LabReportStatusChange status(String status) {
        return new LabReportStatusChange("report-1", status, null, null, null, null);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
