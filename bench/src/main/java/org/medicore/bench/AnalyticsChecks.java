package org.medicore.bench;

import org.medicore.contracts.events.v1.AppointmentBooked;
import org.medicore.contracts.events.v1.AppointmentCancelled;
import org.medicore.localstack.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Issue 23's analytics invariant: analytics-service's figures for the run's practitioner (its one-minute windows since
 * the scenario began, summed, from the read API the BFF opens dashboards with) count exactly the distinct
 * AppointmentBooked and AppointmentCancelled events of that practitioner on the appointments topic. Analytics works
 * through its backlog after the drain, so the figures are asked again until they match or {@code drain} has passed.
 */
final class AnalyticsChecks {

    private static final String BOOKED = AppointmentBooked.getDescriptor().getFullName();
    private static final String CANCELLED = AppointmentCancelled.getDescriptor().getFullName();
    private static final Duration ASK_AGAIN = Duration.ofSeconds(1);

    private record Counts(long bookings, long cancellations) {
    }

    private final String analyticsUrl;
    private final Clinic clinic;

    AnalyticsChecks(String analyticsUrl, Clinic clinic) {
        this.analyticsUrl = analyticsUrl;
        this.clinic = clinic;
    }

    FaultChecks.Verdict check(Instant began, Duration drain) throws InterruptedException {
        Counts events = eventsOnTheTopic();
        Instant deadline = Instant.now().plus(drain);
        Counts figures;
        String failure = "";
        while (true) {
            try {
                figures = figures(Duration.between(began, Instant.now()).plusMinutes(1));
                failure = "";
            } catch (IOException | RuntimeException unanswered) {
                figures = new Counts(-1, -1);
                failure = "; analytics-service's last answer: " + unanswered.getMessage();
            }
            if (figures.equals(events) || Instant.now().isAfter(deadline)) {
                break;
            }
            Thread.sleep(ASK_AGAIN);
        }
        return new FaultChecks.Verdict("analytics counts equal the events", figures.equals(events),
                "practitioner's windows count %d bookings and %d cancellations; the topic holds %d and %d%s"
                        .formatted(figures.bookings(), figures.cancellations(), events.bookings(), events.cancellations(), failure));
    }

    /** Distinct event ids, since publication is at least once and analytics counts each event once. */
    private Counts eventsOnTheTopic() {
        Set<String> booked = new HashSet<>();
        Set<String> cancelled = new HashSet<>();
        TopicHistory.readAll(Topics.APPOINTMENTS, record -> TopicHistory.header(record, "event-type").ifPresent(type -> {
            Set<String> counted = type.equals(BOOKED) ? booked : type.equals(CANCELLED) ? cancelled : null;
            if (counted != null
                    && JsonMapper.shared().readTree(record.value()).path("practitionerId").asString().equals(clinic.practitionerId)) {
                TopicHistory.header(record, "event-id").ifPresent(counted::add);
            }
        }));
        return new Counts(booked.size(), cancelled.size());
    }

    private Counts figures(Duration lookback) throws IOException, InterruptedException {
        URI windows = URI.create(analyticsUrl + "/api/analytics/windows/PRACTITIONER/" + clinic.practitionerId
                + "?lookback=PT" + lookback.toSeconds() + "S");
        try (HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(windows).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + clinic.tokens.of("admin")).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IOException("HTTP " + answer.statusCode());
            }
            long bookings = 0;
            long cancellations = 0;
            for (JsonNode window : JsonMapper.shared().readTree(answer.body()).path("windows")) {
                bookings += window.path("bookings").asLong(0);
                cancellations += window.path("cancellations").asLong(0);
            }
            return new Counts(bookings, cancellations);
        }
    }
}
