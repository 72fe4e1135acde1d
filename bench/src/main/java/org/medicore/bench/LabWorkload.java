package org.medicore.bench;

import io.grpc.Status;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Lab reports uploaded at a steady rate, each as the portal uploads it ({@link LabUpload}): the demo patient asks the
 * BFF for an upload, PUTs the PDF to the presigned URL, and confirms it. Each step is retried on its own after a
 * retryable failure (the BFF passing on UNAVAILABLE or DEADLINE_EXCEEDED, the BFF or the object store unreachable,
 * an HTTP 5xx) after a growing pause with jitter, until it succeeds or the workload's last moment has passed, as
 * {@link BookingWorkload} retries. What each upload ended as is kept for {@link LabChecks}; how it was processed is
 * not waited for here (the checker reads it after the drain).
 */
final class LabWorkload implements AutoCloseable {

    /**
     * One upload: its report id once the BFF answered one, whether its confirmation was answered and when, and the
     * failures it met on the way by kind ({@code UNAVAILABLE}, {@code S3 HTTP 503}, ...).
     */
    record Upload(Optional<String> reportId, Optional<Instant> confirmedAt, Map<String, Integer> failures) {

        boolean confirmed() {
            return confirmedAt.isPresent();
        }
    }

    /** A step's failure: what it was, and whether a client may try again. */
    private static final class Failed extends Exception {

        private final String kind;
        private final boolean retryable;

        Failed(String kind, boolean retryable, String message) {
            super(message);
            this.kind = kind;
            this.retryable = retryable;
        }
    }

    private interface Step<T> {
        T run() throws Failed;
    }

    private final GraphQl graphQl;
    private final String patientId;
    private final double perSecond;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService patients = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentLinkedQueue<Upload> uploads = new ConcurrentLinkedQueue<>();
    private final ConcurrentMap<String, String> refusalsSeen = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> giveUpAt = new AtomicReference<>(Instant.MAX);

    LabWorkload(GraphQl graphQl, double perSecond) throws IOException, InterruptedException {
        this.graphQl = graphQl;
        this.perSecond = perSecond;
        this.patientId = LabUpload.demoPatientId(graphQl);
    }

    void start() {
        pacer.scheduleAtFixedRate(() -> patients.execute(this::upload), 0, (long) (1e9 / perSecond), TimeUnit.NANOSECONDS);
    }

    /** Stops starting uploads; those under way retry until {@code drain} has passed, then give up. */
    List<Upload> stopAndDrain(Duration drain) throws InterruptedException {
        pacer.shutdown();
        pacer.awaitTermination(10, TimeUnit.SECONDS);
        giveUpAt.set(Instant.now().plus(drain));
        patients.shutdown();
        patients.awaitTermination(drain.toSeconds() + 30, TimeUnit.SECONDS);
        return List.copyOf(uploads);
    }

    /** For each kind of failure no client may retry, what the first one said and when. */
    Map<String, String> refusalsSeen() {
        return new TreeMap<>(refusalsSeen);
    }

    private void upload() {
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        Optional<JsonNode> ticket = untilDone(() -> bff(LabUpload.REQUEST, LabUpload.uploadOf(patientId))
                .path("requestLabReportUpload"), failures);
        Optional<String> reportId = ticket.map(upload -> upload.path("reportId").asString());
        Optional<Instant> confirmedAt = ticket.flatMap(upload -> untilDone(() -> put(upload), failures))
                .flatMap(stored -> untilDone(() -> bff(LabUpload.CONFIRM, Map.of("id", reportId.orElseThrow())), failures))
                .map(confirmed -> Instant.now());
        uploads.add(new Upload(reportId, confirmedAt, Map.copyOf(failures)));
    }

    private JsonNode bff(String document, Map<String, Object> variables) throws Failed {
        try {
            return graphQl.execute("patient", document, variables);
        } catch (GraphQl.Refused refused) {
            Status.Code code = BffBooking.code(refused);
            throw new Failed(code.name(), CarefulClient.RETRYABLE.contains(code), refused.getMessage());
        } catch (HttpTimeoutException late) {
            throw new Failed(Status.Code.DEADLINE_EXCEEDED.name(), true, "the BFF did not answer: " + late);
        } catch (IOException away) {
            throw new Failed(Status.Code.UNAVAILABLE.name(), true, "the BFF cannot be reached: " + away);
        } catch (RuntimeException noToken) {
            // A token that could not be had (Keycloak away) is a retryable failure of the client's own.
            throw new Failed(Status.Code.UNAVAILABLE.name(), true, "no token: " + noToken);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            throw new Failed(Status.Code.CANCELLED.name(), false, "the workload stopped");
        }
    }

    private Boolean put(JsonNode upload) throws Failed {
        try {
            HttpResponse<String> stored = http.send(LabUpload.presignedPut(upload, LabUpload.PDF),
                    HttpResponse.BodyHandlers.ofString());
            if (stored.statusCode() / 100 != 2) {
                throw new Failed("S3 HTTP " + stored.statusCode(), stored.statusCode() >= 500,
                        "the object store answered the PUT with HTTP " + stored.statusCode() + ": " + stored.body());
            }
            return true;
        } catch (ConnectException refused) {
            throw new Failed("S3 connection refused", true, refused.toString());
        } catch (IOException dropped) {
            throw new Failed("S3 connection lost", true, dropped.toString());
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            throw new Failed(Status.Code.CANCELLED.name(), false, "the workload stopped");
        }
    }

    /** The step's answer, retried while it fails retryably and the workload's last moment has not passed. */
    private <T> Optional<T> untilDone(Step<T> step, Map<String, Integer> failures) {
        Duration pause = Duration.ofMillis(100);
        while (true) {
            try {
                return Optional.of(step.run());
            } catch (Failed failure) {
                failures.merge(failure.kind, 1, Integer::sum);
                if (!failure.retryable) {
                    refusalsSeen.putIfAbsent(failure.kind, "'%s' at %s".formatted(failure.getMessage(), Instant.now()));
                    return Optional.empty();
                }
                if (Instant.now().isAfter(giveUpAt.get())) {
                    return Optional.empty();
                }
            }
            try {
                Thread.sleep(pause.plusMillis((long) (Math.random() * pause.toMillis())));
            } catch (InterruptedException e) {
                return Optional.empty();
            }
            pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(2)) > 0 ? Duration.ofSeconds(2) : pause.multipliedBy(2);
        }
    }

    @Override
    public void close() {
        pacer.shutdownNow();
        patients.shutdownNow();
    }
}
