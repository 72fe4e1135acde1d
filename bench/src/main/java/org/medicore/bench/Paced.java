package org.medicore.bench;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** An open load: one operation every 1/rate seconds for a while, whether or not the last has answered. */
final class Paced {

    private Paced() {
    }

    /** Runs {@code operation} at {@code perSecond} for {@code duration}, and returns once the last has finished. */
    static void run(double perSecond, Duration duration, Runnable operation) throws InterruptedException {
        ScheduledExecutorService pace = Executors.newScheduledThreadPool(4);
        var schedule = pace.scheduleAtFixedRate(operation, 0, (long) (1_000_000_000L / perSecond), TimeUnit.NANOSECONDS);
        Thread.sleep(duration.toMillis());
        schedule.cancel(false);
        pace.shutdown();
        pace.awaitTermination(30, TimeUnit.SECONDS);
    }
}
