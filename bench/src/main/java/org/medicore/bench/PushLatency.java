package org.medicore.bench;

import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Booking -> {@code appointmentChanged} push: the admin subscribes over graphql-ws to the bench
 * practitioner's changes while bookings go over gRPC at a fixed rate; the latency is from sending
 * a booking to receiving its push, matched by the slot's start. Pushes that never come within the
 * grace period are lost.
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
        LiveSubscription subscription = LiveSubscription.open(target, clinic.tokens.of("admin"), SUBSCRIPTION,
                Map.of("practitionerId", clinic.practitionerId), data -> {
                    JsonNode change = data.path("appointmentChanged");
                    Long sent = change.path("kind").asString().equals("BOOKED")
                            ? sentAt.remove(Instant.parse(change.path("start").asString())) : null;
                    if (sent != null) {
                        long latency = System.nanoTime() - sent;
                        synchronized (latencies) {
                            latencies.recordValue(Math.min(latency, latencies.getHighestTrackableValue()));
                        }
                        pushed.incrementAndGet();
                    }
                });

        AtomicLong failures = new AtomicLong();
        SystemCpu.Sample before = cpu.sample();
        long begin = System.nanoTime();
        Paced.run(bookingsPerSecond, duration, () -> {
            Instant start = clinic.nextStart();
            sentAt.put(start, System.nanoTime());
            try {
                clinic.appointments("admin").bookAppointment(clinic.booking(clinic.bookingPatientId, start));
            } catch (RuntimeException e) {
                sentAt.remove(start);
                failures.incrementAndGet();
                firstFailure.compareAndSet("", e.getMessage());
            }
        });
        long deadline = System.nanoTime() + grace.toNanos();
        while (!sentAt.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        Map<String, Double> spent = cpu.sample().secondsSince(before);
        subscription.close();
        firstFailure.compareAndSet("", subscription.firstFailure());
        long lost = sentAt.size();
        if (lost > 0) {
            firstFailure.compareAndSet("", lost + " pushes did not arrive within " + grace.toSeconds() + " s");
        }
        return new Measured(BenchMain.APPOINTMENT_PUSH + " @" + (int) bookingsPerSecond + "/s", 1, pushed.get(),
                failures.get() + lost, seconds, latencies, spent, firstFailure.get());
    }
}
