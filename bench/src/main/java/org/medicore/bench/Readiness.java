package org.medicore.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The services' readiness probes through a fault, as Kubernetes reads them: which services said they were not ready
 * while the fault lasted (a killed one cannot answer at all), and whether every one is ready again after it.
 */
final class Readiness {

    static final String READY_AGAIN = "every service ready again after the fault";
    private static final Duration EVERY = Duration.ofMillis(500);

    private final Map<String, URI> probes = new LinkedHashMap<>();
    private final Set<String> notReadyDuringFault = new ConcurrentSkipListSet<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private volatile boolean watching;
    private Thread watcher;

    /** @param actuators each service's actuator base URL, e.g. {@code http://127.0.0.1:1234/actuator} */
    Readiness(Map<String, String> actuators) {
        actuators.forEach((service, actuator) -> probes.put(service, URI.create(actuator + "/health/readiness")));
    }

    void watchFault() {
        watching = true;
        watcher = Thread.ofPlatform().name("readiness-watch").daemon().start(() -> {
            while (watching) {
                probes.forEach((service, probe) -> {
                    if (!ready(probe)) {
                        notReadyDuringFault.add(service);
                    }
                });
                try {
                    Thread.sleep(EVERY);
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        });
    }

    void faultEnded() throws InterruptedException {
        watching = false;
        watcher.join();
    }

    /** Every probe asked until all say ready or {@code within} has passed; what said not ready during the fault is shown. */
    FaultChecks.Verdict readyAgain(Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        Instant began = Instant.now();
        Set<String> notReady = new TreeSet<>(probes.keySet());
        while (true) {
            notReady.removeIf(service -> ready(probes.get(service)));
            if (notReady.isEmpty() || Instant.now().isAfter(deadline)) {
                break;
            }
            Thread.sleep(EVERY);
        }
        String during = "said not ready during the fault: " + (notReadyDuringFault.isEmpty() ? "none"
                : String.join(", ", notReadyDuringFault));
        return notReady.isEmpty()
                ? new FaultChecks.Verdict(READY_AGAIN, true, "all %d ready %.1f s after the drain; %s"
                        .formatted(probes.size(), Duration.between(began, Instant.now()).toMillis() / 1000.0, during))
                : new FaultChecks.Verdict(READY_AGAIN, false, "not ready %d s after the drain: %s; %s"
                        .formatted(within.toSeconds(), String.join(", ", notReady), during));
    }

    private boolean ready(URI probe) {
        try {
            return http.send(HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (java.io.IOException unreachable) {
            return false;
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
