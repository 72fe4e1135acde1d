package org.medicore.bench;

import org.medicore.localstack.LabReportPdf;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A lab report uploaded as the portal uploads it, as one operation: the demo patient asks the BFF
 * for an upload, PUTs the PDF to the presigned URL of the object store, confirms it, and the
 * operation ends when the report is {@code PROCESSED} (its results attached to the record). A
 * report held for review or refused is a failure: the PDF is one the processor reads in full. Like the
 * portal, it learns the status from the {@code labReportStatus} subscription (the status now, then each
 * change), not by asking again and again.
 */
final class LabUpload {

    static final String REQUEST = """
            mutation Upload($input: RequestLabReportUploadInput!) {
              requestLabReportUpload(input: $input) { reportId uploadUrl requiredHeaders { name value } }
            }""";
    static final String CONFIRM = "mutation Confirm($id: ID!) { confirmLabReportUpload(reportId: $id) { id status } }";
    private static final String STATUS = "subscription Status($id: ID!) { labReportStatus(reportId: $id) { status detail } }";
    private static final Duration PROCESSING_LIMIT = Duration.ofSeconds(60);
    static final Set<String> FINAL = Set.of("PROCESSED", "NEEDS_REVIEW", "REJECTED");
    /** A report the processor reads in full: it ends PROCESSED. */
    static final byte[] PDF = LabReportPdf.withLines(List.of("Glucose: 98 mg/dL (70-99)", "Sodium: 141 mmol/L (136-145)",
            "Potassium: 5.9 mmol/L (3.5-5.1)"));

    private final Target target;
    private final Tokens tokens;
    private final GraphQl graphQl;
    private final String patientId;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    LabUpload(Target target, Tokens tokens, GraphQl graphQl) throws IOException, InterruptedException {
        this.target = target;
        this.tokens = tokens;
        this.graphQl = graphQl;
        this.patientId = demoPatientId(graphQl);
    }

    /** The demo patient's record id, as the portal learns it after sign-in. */
    static String demoPatientId(GraphQl graphQl) throws IOException, InterruptedException {
        String patientId = graphQl.execute("patient", "query Me { me { patient { id } } }", Map.of())
                .path("me").path("patient").path("id").asString();
        if (patientId.isEmpty()) {
            throw new IllegalStateException("the demo patient has no record (start the stack with its demo data)");
        }
        return patientId;
    }

    /** The PUT of {@code pdf} to the URL {@code requestLabReportUpload} answered, with the headers it signed in. */
    static HttpRequest presignedPut(JsonNode upload, byte[] pdf) {
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.path("uploadUrl").asString()))
                .timeout(Duration.ofSeconds(30)).PUT(HttpRequest.BodyPublishers.ofByteArray(pdf));
        for (JsonNode header : upload.path("requiredHeaders")) {
            String name = header.path("name").asString();
            if (!name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("host")) {
                put.header(name, header.path("value").asString());
            }
        }
        return put.build();
    }

    /** The variables of {@code requestLabReportUpload} for {@link #PDF}. */
    static Map<String, Object> uploadOf(String patientId) {
        return Map.of("input", Map.of("patientId", patientId, "fileName", "bench-report.pdf", "sizeBytes", PDF.length));
    }

    void upload(int client) throws Exception {
        JsonNode upload = graphQl.execute("patient", REQUEST, uploadOf(patientId)).path("requestLabReportUpload");
        String reportId = upload.path("reportId").asString();
        HttpResponse<String> stored = http.send(presignedPut(upload, PDF), HttpResponse.BodyHandlers.ofString());
        if (stored.statusCode() / 100 != 2) {
            throw new IOException("the object store refused the PDF: HTTP " + stored.statusCode());
        }
        graphQl.execute("patient", CONFIRM, Map.of("id", reportId));
        CompletableFuture<JsonNode> last = new CompletableFuture<>();
        try (LiveSubscription status = LiveSubscription.openNow(target, tokens.of("patient"), STATUS, Map.of("id", reportId),
                data -> {
                    JsonNode change = data.path("labReportStatus");
                    if (FINAL.contains(change.path("status").asString())) {
                        last.complete(change);
                    }
                })) {
            JsonNode change;
            try {
                change = last.get(PROCESSING_LIMIT.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new IllegalStateException("report " + reportId + " not processed within " + PROCESSING_LIMIT.toSeconds()
                        + " s" + (status.firstFailure().isEmpty() ? "" : ": " + status.firstFailure()));
            }
            if (!change.path("status").asString().equals("PROCESSED")) {
                throw new IllegalStateException("report " + reportId + " ended " + change.path("status").asString() + ": "
                        + change.path("detail").asString());
            }
        }
    }
}
