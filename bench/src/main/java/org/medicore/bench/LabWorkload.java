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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Lab reports uploaded at a steady rate, each as the portal uploads it ({@link LabUpload}): the demo patient asks the
 * BFF for an upload, PUTs the PDF to the presigned URL, and confirms it. Each step is retried on its own after a
 * retryable failure (the BFF passing on UNAVAILABLE or DEADLINE_EXCEEDED, the BFF or the object store unreachable,
 * an HTTP 5xx) by the {@link CarefulClient} the other workloads retry with, until it succeeds or the workload's last
 * moment has passed. What each upload ended as is kept for {@link LabChecks}; how it was processed is
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

    private final GraphQl graphQl;
    private final String patientId;
    private final double perSecond;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService patients = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentLinkedQueue<Upload> uploads = new ConcurrentLinkedQueue<>();
    private final CarefulClient calls = new CarefulClient();

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
        calls.giveUpAfter(drain);
        patients.shutdown();
        patients.awaitTermination(drain.toSeconds() + 30, TimeUnit.SECONDS);
        return List.copyOf(uploads);
    }

    /** For each kind of failure no client may retry, what the first one said and when. */
    Map<String, String> refusalsSeen() {
        return calls.refusalsSeenByKind();
    }

    private void upload() {
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        Optional<JsonNode> ticket = calls.untilDone(() -> bff(LabUpload.REQUEST, LabUpload.uploadOf(patientId))
                .path("requestLabReportUpload"), failures);
        Optional<String> reportId = ticket.map(upload -> upload.path("reportId").asString());
        Optional<Instant> confirmedAt = ticket.flatMap(upload -> calls.untilDone(() -> put(upload), failures))
                .flatMap(stored -> calls.untilDone(() -> bff(LabUpload.CONFIRM, Map.of("id", reportId.orElseThrow())), failures))
                .map(confirmed -> Instant.now());
        uploads.add(new Upload(reportId, confirmedAt, Map.copyOf(failures)));
    }

    private JsonNode bff(String document, Map<String, Object> variables) throws CarefulClient.Failed {
        try {
            return graphQl.execute("patient", document, variables);
        } catch (GraphQl.Refused refused) {
            Status.Code code = BffBooking.code(refused);
            throw new CarefulClient.Failed(code.name(), CarefulClient.RETRYABLE.contains(code), refused.getMessage());
        } catch (HttpTimeoutException late) {
            throw new CarefulClient.Failed(Status.Code.DEADLINE_EXCEEDED.name(), true, "the BFF did not answer: " + late);
        } catch (IOException away) {
            throw new CarefulClient.Failed(Status.Code.UNAVAILABLE.name(), true, "the BFF cannot be reached: " + away);
        } catch (RuntimeException noToken) {
            // A token that could not be had (Keycloak away) is a retryable failure of the client's own.
            throw new CarefulClient.Failed(Status.Code.UNAVAILABLE.name(), true, "no token: " + noToken);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            throw new CarefulClient.Failed(Status.Code.CANCELLED.name(), false, "the workload stopped");
        }
    }

    private Boolean put(JsonNode upload) throws CarefulClient.Failed {
        try {
            HttpResponse<String> stored = http.send(LabUpload.presignedPut(upload, LabUpload.PDF),
                    HttpResponse.BodyHandlers.ofString());
            if (stored.statusCode() / 100 != 2) {
                throw new CarefulClient.Failed("S3 HTTP " + stored.statusCode(), stored.statusCode() >= 500,
                        "the object store answered the PUT with HTTP " + stored.statusCode() + ": " + stored.body());
            }
            return true;
        } catch (ConnectException refused) {
            throw new CarefulClient.Failed("S3 connection refused", true, refused.toString());
        } catch (IOException dropped) {
            throw new CarefulClient.Failed("S3 connection lost", true, dropped.toString());
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            throw new CarefulClient.Failed(Status.Code.CANCELLED.name(), false, "the workload stopped");
        }
    }

    @Override
    public void close() {
        pacer.shutdownNow();
        patients.shutdownNow();
    }
}
