package org.medicore.bench;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.medicore.contracts.events.v2.AppointmentBooked;
import org.medicore.contracts.events.v2.AppointmentCancelled;
import org.medicore.contracts.events.v2.AppointmentEventVersions;
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
 * AppointmentBooked and AppointmentCancelled events of that practitioner on the appointments topic, of either version
 * (medicore.events.v2, and v1 written before it, read as v2 the way the services read them). Analytics works
 * through its backlog after the drain, so the figures are asked again until they match or {@code drain} has passed.
 */
final class AnalyticsChecks {

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
        TopicHistory.readAll(Topics.APPOINTMENTS, record -> TopicHistory.header(record, "event-type")
                .flatMap(AppointmentEventVersions::builderFor)
                .map(builder -> AppointmentEventVersions.asV2(parse(record, builder)))
                .filter(event -> AppointmentEventVersions.facts(event).getPractitionerId().equals(clinic.practitionerId))
                .ifPresent(event -> {
                    switch (event) {
                        case AppointmentBooked e -> booked.add(e.getEventId());
                        case AppointmentCancelled e -> cancelled.add(e.getEventId());
                        default -> {
                        }
                    }
                }));
        return new Counts(booked.size(), cancelled.size());
    }

    private static Message parse(ConsumerRecord<String, String> record, Message.Builder builder) {
        try {
            JsonFormat.parser().ignoringUnknownFields().merge(record.value(), builder);
            return builder.build();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("an unreadable " + builder.getDescriptorForType().getFullName() + " on "
                    + record.topic() + " at offset " + record.offset(), e);
        }
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
