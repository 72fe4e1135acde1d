package org.medicore.lab.adapter.out.s3;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.medicore.lab.application.port.out.PresignDownload.PresignedGet;
import org.medicore.localstack.ObjectStore;
import org.medicore.localstack.TestStack;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The presigned report downloads against the real S3Proxy, which checks SigV4 signatures and their expiry. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3ReportObjectsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final byte[] PDF = "%PDF-1.7\n\u00e4 a lab report's bytes, not all of them text \u0000\u00ff\n%%EOF"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    private S3Client s3;
    private S3Presigner presigner;
    private S3ReportObjects objects;

    @BeforeAll
    void connect() {
        // the module's own wiring, as the service builds it
        S3Configuration wiring = new S3Configuration();
        S3Configuration.Properties properties = new S3Configuration.Properties(ObjectStore.LAB_REPORTS_BUCKET,
                TestStack.objectStore().endpoint(), ObjectStore.REGION, ObjectStore.ACCESS_KEY, ObjectStore.SECRET_KEY);
        s3 = wiring.labS3Client(properties);
        presigner = wiring.labS3Presigner(properties);
        objects = wiring.s3ReportObjects(s3, presigner, properties);
    }

    @AfterAll
    void disconnect() {
        presigner.close();
        s3.close();
    }

    @Test
    void a_download_link_hands_out_the_exact_bytes_as_a_pdf_without_credentials() throws Exception {
        String key = aStoredReport();

        PresignedGet link = objects.presignGet(key, "application/pdf", Duration.ofMinutes(5));
        HttpResponse<byte[]> answer = get(link.url());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(PDF);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(link.expiresAt()).isCloseTo(Instant.now().plus(Duration.ofMinutes(5)), within(Duration.ofSeconds(30)));
    }

    @Test
    void an_expired_link_is_refused() throws Exception {
        String key = aStoredReport();

        PresignedGet link = objects.presignGet(key, "application/pdf", Duration.ofSeconds(1));
        Thread.sleep(Duration.between(Instant.now(), link.expiresAt()).plusMillis(1200));

        assertThat(get(link.url()).statusCode()).isEqualTo(403);
    }

    @Test
    void a_link_altered_to_another_report_or_signature_is_refused() throws Exception {
        String key = aStoredReport();
        String other = aStoredReport();
        String url = objects.presignGet(key, "application/pdf", Duration.ofMinutes(5)).url();

        assertThat(get(url.replace(key, other)).statusCode()).isEqualTo(403);
        int signature = url.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length();
        char flipped = url.charAt(signature) == '0' ? '1' : '0';
        assertThat(get(url.substring(0, signature) + flipped + url.substring(signature + 1)).statusCode()).isEqualTo(403);
    }

    private String aStoredReport() {
        String key = "uploads/" + UUID.randomUUID() + "/" + UUID.randomUUID() + ".pdf";
        objects.write(key, PDF, "application/octet-stream");
        return key;
    }

    private static HttpResponse<byte[]> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
