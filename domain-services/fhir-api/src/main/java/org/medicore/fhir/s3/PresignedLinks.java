package org.medicore.fhir.s3;

import org.medicore.fhir.records.LinkedFiles;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Files behind presigned links, fetched with a plain GET: the link carries its own signature, so
 * no credentials (and never the caller's token) go with it.
 */
final class PresignedLinks implements LinkedFiles {

    private final HttpClient http;
    private final Duration timeout;

    PresignedLinks(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    @Override
    public byte[] fetch(URI link) {
        try {
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(link).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw new UnreachableFile("the file's store answered " + answer.statusCode());
            }
            return answer.body();
        } catch (IOException unreachable) {
            throw new UnreachableFile("the file's store did not answer: " + unreachable.getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new UnreachableFile("interrupted while fetching the file");
        }
    }
}
