package org.medicore.bench;

import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Booking -> {@code analytics} window push, before and right after a burst. The admin subscribes
 * to the analytics windows; bookings for a practitioner of this scenario alone go over gRPC, and a
 * booking counts as pushed once that practitioner's one-minute windows, summed, count it. First at
 * a fixed rate; then a burst as fast as 16 clients go (not timed: it makes the backlog); then at the
 * fixed rate again while analytics works through the backlog. In the end every booking must be
 * counted: one the windows never count within the grace period is lost.
 */
final class AnalyticsLatency {

    private static final String SUBSCRIPTION = """
            subscription Windows { analytics { dimension dimensionKey windowStart bookings } }""";
    private static final int BURST_CLIENTS = 16;

    private enum Phase { STEADY, BURST, AFTER_BURST }

    private record Booked(Phase phase, long sentAt) {
    }

    private final Target target;
    private final Clinic clinic;
    private final SystemCpu cpu;
    private final String practitioner;
    private final Map<String, Long> bookingsPerWindow = new ConcurrentHashMap<>();
    private final List<Booked> booked = new ArrayList<>();
    private final Map<Phase, Histogram> latencies = Map.of(Phase.STEADY, histogram(), Phase.AFTER_BURST, histogram());
    private final Map<Phase, AtomicLong> failures = Map.of(Phase.STEADY, new AtomicLong(), Phase.BURST, new AtomicLong(),
            Phase.AFTER_BURST, new AtomicLong());
    private final AtomicReference<String> firstFailure = new AtomicReference<>("");
    private int counted;

    AnalyticsLatency(Target target, Clinic clinic, SystemCpu cpu) {
        this.target = target;
        this.clinic = clinic;
        this.cpu = cpu;
        this.practitioner = clinic.newPractitioner("Analytics " + UUID.randomUUID().toString().substring(0, 8));
    }

    /** The fixed-rate measure before the burst, and the same right after it. */
    List<Measured> run(double bookingsPerSecond, Duration duration, int burst, Duration grace) throws Exception {
        try (LiveSubscription subscription = LiveSubscription.open(target, clinic.tokens.of("admin"), SUBSCRIPTION, Map.of(),
                this::windowPushed)) {
            SystemCpu.Sample before = cpu.sample();
            long begin = System.nanoTime();
            Paced.run(bookingsPerSecond, duration, () -> book(Phase.STEADY));
            Measured steady = measured(BenchMain.ANALYTICS_PUSH + " @" + (int) bookingsPerSecond + "/s", Phase.STEADY,
                    awaitCounted(grace), begin, before);

            AtomicInteger left = new AtomicInteger(burst);
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < BURST_CLIENTS; c++) {
                clients.add(Thread.ofPlatform().start(() -> {
                    while (left.getAndDecrement() > 0) {
                        book(Phase.BURST);
                    }
                }));
            }
            for (Thread client : clients) {
                client.join();
            }
            before = cpu.sample();
            begin = System.nanoTime();
            Paced.run(bookingsPerSecond, duration, () -> book(Phase.AFTER_BURST));
            long lost = awaitCounted(grace);
            firstFailure.compareAndSet("", subscription.firstFailure());
            Measured after = measured(BenchMain.ANALYTICS_AFTER_BURST + " of " + burst + " @" + (int) bookingsPerSecond + "/s",
                    Phase.AFTER_BURST, lost, begin, before);
            return List.of(steady, after);
        }
    }

    private void book(Phase phase) {
        long sentAt = System.nanoTime();
        try {
            clinic.appointments("admin").bookAppointment(clinic.booking(practitioner, clinic.bookingPatientId, clinic.nextStart()));
            synchronized (this) {
                booked.add(new Booked(phase, sentAt));
                countUpTo(currentTotal(), System.nanoTime());
            }
        } catch (RuntimeException e) {
            failures.get(phase).incrementAndGet();
            firstFailure.compareAndSet("", e.getMessage());
        }
    }

    private void windowPushed(JsonNode data) {
        JsonNode window = data.path("analytics");
        if (window.path("dimension").asString().equals("PRACTITIONER") && window.path("dimensionKey").asString().endsWith(practitioner)) {
            bookingsPerWindow.merge(window.path("windowStart").asString(), window.path("bookings").asLong(), Math::max);
            synchronized (this) {
                countUpTo(currentTotal(), System.nanoTime());
            }
        }
    }

    private long currentTotal() {
        return bookingsPerWindow.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The first {@code total} bookings, in the order they were acknowledged, are counted now. */
    private void countUpTo(long total, long now) {
        while (counted < Math.min(total, booked.size())) {
            Booked booking = booked.get(counted++);
            Histogram histogram = latencies.get(booking.phase());
            if (histogram != null) {
                histogram.recordValue(Math.min(now - booking.sentAt(), histogram.getHighestTrackableValue()));
            }
        }
    }

    /** Waits until every acknowledged booking is counted or the grace period ends; how many were never counted. */
    private long awaitCounted(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (this) {
                if (counted == booked.size()) {
                    return 0;
                }
            }
            Thread.sleep(50);
        }
        synchronized (this) {
            long lost = booked.size() - counted;
            firstFailure.compareAndSet("", lost + " bookings not counted in the analytics windows within " + grace.toSeconds() + " s");
            return lost;
        }
    }

    private Measured measured(String scenario, Phase phase, long lost, long begin, SystemCpu.Sample before) {
        Histogram histogram = latencies.get(phase);
        // A booking of the burst that failed counts against the measure after it: the burst is its first half.
        long failed = failures.get(phase).get() + (phase == Phase.AFTER_BURST ? failures.get(Phase.BURST).get() : 0);
        return new Measured(scenario, 1, histogram.getTotalCount(), failed + lost,
                (System.nanoTime() - begin) / 1e9, histogram, cpu.sample().secondsSince(before), firstFailure.get());
    }

    private static Histogram histogram() {
        return new Histogram(TimeUnit.MINUTES.toNanos(5), 3);
    }
}
