package org.medicore.bench;

import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Booking -> {@code appointmentChanged} push: the admin subscribes over graphql-ws (protocol
 * graphql-transport-ws, token in {@code connection_init}) to the bench practitioner's changes,
 * while bookings go over gRPC at a fixed rate; the latency is from sending a booking to receiving
 * its push, matched by the slot's start. Pushes that never come within the grace period are lost.
 */
final class PushLatency {

    private static final String SUBSCRIPTION = """
            subscription Changes($practitionerId: ID!) {
              appointmentChanged(practitionerId: $practitionerId) { appointmentId kind start }
            }""";

    private final Target target;
    private final Clinic clinic;
    private final SystemCpu cpu;

    PushLatency(Target target, Clinic clinic, SystemCpu cpu) {
        this.target = target;
        this.clinic = clinic;
        this.cpu = cpu;
    }

    Measured run(double bookingsPerSecond, Duration duration, Duration grace) throws Exception {
        Histogram latencies = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
        Map<Instant, Long> sentAt = new ConcurrentHashMap<>();
        AtomicLong pushed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>("");
        CountDownLatch acknowledged = new CountDownLatch(1);
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(target.bffWebSocket()), new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            JsonNode message = JsonMapper.shared().readTree(partial.toString());
                            partial.setLength(0);
                            switch (message.path("type").asString()) {
                                case "connection_ack" -> acknowledged.countDown();
                                case "ping" -> webSocket.sendText("{\"type\":\"pong\"}", true);
                                case "next" -> {
                                    JsonNode change = message.path("payload").path("data").path("appointmentChanged");
                                    Long sent = change.path("kind").asString().equals("BOOKED")
                                            ? sentAt.remove(Instant.parse(change.path("start").asString())) : null;
                                    if (sent != null) {
                                        long latency = System.nanoTime() - sent;
                                        synchronized (latencies) {
                                            latencies.recordValue(Math.min(latency, latencies.getHighestTrackableValue()));
                                        }
                                        pushed.incrementAndGet();
                                    }
                                }
                                case "error", "complete" -> firstFailure.compareAndSet("", message.toString());
                                default -> {
                                }
                            }
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        socket.sendText(JsonMapper.shared().writeValueAsString(Map.of("type", "connection_init",
                "payload", Map.of("Authorization", "Bearer " + clinic.tokens.of("admin")))), true).get();
        if (!acknowledged.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the BFF did not acknowledge the graphql-ws connection");
        }
        socket.sendText(JsonMapper.shared().writeValueAsString(Map.of("id", "1", "type", "subscribe", "payload",
                Map.of("query", SUBSCRIPTION, "variables", Map.of("practitionerId", clinic.practitionerId)))), true).get();
        Thread.sleep(500); // the subscription reaches Kafka's consumer before the first booking

        ScheduledExecutorService pace = Executors.newScheduledThreadPool(4);
        AtomicLong failures = new AtomicLong();
        AtomicLong booked = new AtomicLong();
        SystemCpu.Sample before = cpu.sample();
        long begin = System.nanoTime();
        long period = (long) (1_000_000_000L / bookingsPerSecond);
        var schedule = pace.scheduleAtFixedRate(() -> {
            Instant start = clinic.nextStart();
            sentAt.put(start, System.nanoTime());
            try {
                clinic.appointments("admin").bookAppointment(clinic.booking(clinic.bookingPatientId, start));
                booked.incrementAndGet();
            } catch (RuntimeException e) {
                sentAt.remove(start);
                failures.incrementAndGet();
                firstFailure.compareAndSet("", e.getMessage());
            }
        }, 0, period, TimeUnit.NANOSECONDS);
        Thread.sleep(duration.toMillis());
        schedule.cancel(false);
        pace.shutdown();
        pace.awaitTermination(30, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + grace.toNanos();
        while (!sentAt.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        Map<String, Double> spent = cpu.sample().secondsSince(before);
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        long lost = sentAt.size();
        if (lost > 0) {
            firstFailure.compareAndSet("", lost + " pushes did not arrive within " + grace.toSeconds() + " s");
        }
        return new Measured("booking -> appointmentChanged push @" + (int) bookingsPerSecond + "/s", 1, pushed.get(),
                failures.get() + lost, seconds, latencies, spent, firstFailure.get());
    }
}
