package org.medicore.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Reads over FHIR R4 (fhir-api) as a partner's or a health app's client makes them: one patient
 * with the doctor's token, and a patient's whole record ({@code $everything}) with an admin's,
 * since only the patient themself, their doctors and admins may have it. An answer other than
 * 200 is a failure.
 */
final class FhirReads {

    private final String base;
    private final Tokens tokens;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    FhirReads(Target target, Tokens tokens) {
        this.base = target.fhir();
        this.tokens = tokens;
    }

    void patient(String id) throws IOException, InterruptedException {
        read("doctor", "/Patient/" + id);
    }

    void everything(String id) throws IOException, InterruptedException {
        read("admin", "/Patient/" + id + "/$everything");
    }

    private void read(String user, String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/fhir+json").header("Authorization", "Bearer " + tokens.of(user)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            String body = answer.body();
            throw new IOException("HTTP " + answer.statusCode() + " for " + path + ": " + body.substring(0, Math.min(300, body.length())));
        }
    }
}
