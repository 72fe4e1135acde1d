package org.medicore.bench;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed loop: each client issues its next operation as soon as the last one answers, for a
 * warm-up (not counted) and then a measured interval, or a fixed number of operations in all.
 * Latency is the operation's own time; the system's CPU is read around the measured interval.
 */
final class ClosedLoad {

    /** One operation; an exception counts as a failure. */
    @FunctionalInterface
    interface Operation {
        void run(int client) throws Exception;
    }

    /** An idle local stack (pollers, heartbeats, Kafka) spends about a quarter of a core; more means work is left over. */
    private static final double QUIET_CORES = 0.35;

    private final Duration warmUp;
    private final Duration measured;
    private final long maxOperations;
    private final SystemCpu cpu;
    private final Duration settle;

    ClosedLoad(Duration warmUp, Duration measured, long maxOperations, SystemCpu cpu, Duration settle) {
        this.warmUp = warmUp;
        this.measured = measured;
        this.maxOperations = maxOperations;
        this.cpu = cpu;
        this.settle = settle;
    }

    /**
     * Waits until what the last scenario left behind is done (see {@link SystemCpu#awaitQuiet}), and
     * says so, or says how busy the system still was when the wait ran out.
     */
    void settle(String scenario) throws InterruptedException {
        if (settle.isZero()) {
            return;
        }
        SystemCpu.Settled settled = cpu.awaitQuiet(settle, QUIET_CORES);
        System.out.printf(Locale.ROOT, "  before %s: %s%n", scenario, settled.quiet()
                ? "the system settled in " + settled.waited().toSeconds() + " s"
                : String.format(Locale.ROOT, "still %.2f cores busy after %d s; measured anyway", settled.busyCores(),
                        settled.waited().toSeconds()));
    }

    Measured run(String scenario, int clients, Operation operation) throws InterruptedException {
        settle(scenario + " @" + clients);
        Histogram latencies = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
        AtomicLong succeeded = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong issued = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>("");
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measured.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(Thread.ofPlatform().name("bench-" + scenario + "-" + c).start(() -> {
                while (System.nanoTime() < end && issued.incrementAndGet() <= maxOperations) {
                    long begin = System.nanoTime();
                    boolean ok;
                    try {
                        operation.run(client);
                        ok = true;
                    } catch (Exception e) {
                        ok = false;
                        firstFailure.compareAndSet("", e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                    long done = System.nanoTime();
                    if (begin >= measureFrom) {
                        if (ok) {
                            succeeded.incrementAndGet();
                            synchronized (latencies) {
                                latencies.recordValue(Math.min(done - begin, latencies.getHighestTrackableValue()));
                            }
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                }
            }));
        }
        Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(measureFrom - System.nanoTime())));
        SystemCpu.Sample before = cpu.sample();
        long measuredFrom = System.nanoTime();
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - Math.max(measuredFrom, measureFrom)) / 1e9;
        return new Measured(scenario, clients, succeeded.get(), failed.get(), seconds, latencies,
                cpu.sample().secondsSince(before), firstFailure.get());
    }
}
