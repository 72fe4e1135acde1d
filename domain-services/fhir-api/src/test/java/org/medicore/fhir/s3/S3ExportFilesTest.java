package org.medicore.fhir.s3;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medicore.fhir.records.LinkedFiles;
import org.medicore.localstack.ObjectStore;
import org.medicore.localstack.TestStack;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The export files, and the services' presigned links followed, in the real S3-compatible store of the test stack (S3Proxy, which checks signatures as S3 does). */
class S3ExportFilesTest {

    private static final String BUCKET = ObjectStore.FHIR_EXPORTS_BUCKET;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static S3Client client;
    private static S3Presigner presigner;
    private static S3ExportFiles files;

    @BeforeAll
    static void bucket() {
        ObjectStore store = TestStack.objectStore();
        store.ensureBucket(BUCKET);
        S3Configuration.ExportBucket bucket = new S3Configuration.ExportBucket(BUCKET, store.endpoint(), ObjectStore.REGION,
                ObjectStore.ACCESS_KEY, ObjectStore.SECRET_KEY);
        S3Configuration configuration = new S3Configuration();
        client = configuration.exportS3Client(bucket);
        presigner = configuration.exportS3Presigner(bucket);
        files = new S3ExportFiles(client, presigner, BUCKET);
    }

    @AfterAll
    static void close() {
        client.close();
        presigner.close();
    }

    @Test
    void a_written_file_is_downloaded_through_its_presigned_url_without_credentials() throws Exception {
        String ndjson = "{\"resourceType\":\"Patient\",\"id\":\"a\"}\n{\"resourceType\":\"Patient\",\"id\":\"b\"}\n";
        String key = files.write("export-1", "Patient.ndjson", ndjson.getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> download = get(files.downloadUrl(key, Duration.ofMinutes(5)));

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(ndjson);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/fhir+ndjson");
    }

    @Test
    void a_services_presigned_link_is_followed_to_the_files_exact_bytes_and_a_refused_link_is_unreachable() {
        byte[] pdf = "%PDF-1.7\n\u00e2\u00e3\u0000 a report\n%%EOF".getBytes(StandardCharsets.ISO_8859_1);
        String key = files.write("export-3", "report.pdf", pdf);
        URI link = files.downloadUrl(key, Duration.ofMinutes(5));
        LinkedFiles links = new S3Configuration().linkedFiles();

        assertThat(links.fetch(link)).isEqualTo(pdf);
        assertThatThrownBy(() -> links.fetch(URI.create(link.toString().replace("export-3", "export-1"))))
                .isInstanceOf(LinkedFiles.UnreachableFile.class).hasMessageContaining("403");
    }

    @Test
    void a_url_whose_signature_was_tampered_with_is_refused() throws Exception {
        String key = files.write("export-2", "Patient.ndjson", "{}\n".getBytes(StandardCharsets.UTF_8));
        String signed = files.downloadUrl(key, Duration.ofMinutes(5)).toString();

        HttpResponse<String> download = get(URI.create(signed.replace("export-2", "export-1")));

        assertThat(download.statusCode()).isEqualTo(403);
    }

    @Test
    void deleting_an_export_removes_all_its_files_and_no_other() throws Exception {
        String first = files.write("export-3", "Patient.ndjson", "{}\n".getBytes(StandardCharsets.UTF_8));
        String second = files.write("export-3", "Observation.ndjson", "{}\n".getBytes(StandardCharsets.UTF_8));
        String other = files.write("export-4", "Patient.ndjson", "{}\n".getBytes(StandardCharsets.UTF_8));

        files.deleteAll("export-3");

        assertThat(get(files.downloadUrl(first, Duration.ofMinutes(5))).statusCode()).isEqualTo(404);
        assertThat(get(files.downloadUrl(second, Duration.ofMinutes(5))).statusCode()).isEqualTo(404);
        assertThat(get(files.downloadUrl(other, Duration.ofMinutes(5))).statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> get(URI url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
