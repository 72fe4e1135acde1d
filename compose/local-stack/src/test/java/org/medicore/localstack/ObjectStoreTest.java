package org.medicore.localstack;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ObjectStoreTest {

    private static final byte[] REPORT = "%PDF-1.7 a lab report".getBytes();

    private final URI endpoint = URI.create(TestStack.objectStore().endpoint());
    private final StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
            AwsBasicCredentials.create(ObjectStore.ACCESS_KEY, ObjectStore.SECRET_KEY));
    private final S3Configuration pathStyle = S3Configuration.builder().pathStyleAccessEnabled(true).build();

    @Test
    void a_report_put_through_a_presigned_url_is_got_back() throws Exception {
        String key = "reports/" + UUID.randomUUID() + ".pdf";

        HttpResponse<String> upload = put(presignedUpload(key), "application/pdf");

        assertThat(upload.statusCode()).isEqualTo(200);
        try (S3Client s3 = S3Client.builder().endpointOverride(endpoint).region(Region.of(ObjectStore.REGION))
                .credentialsProvider(credentials).serviceConfiguration(pathStyle).build()) {
            byte[] stored = s3.getObjectAsBytes(get -> get.bucket(ObjectStore.LAB_REPORTS_BUCKET).key(key)).asByteArray();
            assertThat(stored).isEqualTo(REPORT);
        }
    }

    @Test
    void a_report_put_before_an_outage_is_there_after_it_and_none_is_taken_during_it() throws Exception {
        String before = "reports/" + UUID.randomUUID() + ".pdf";
        assertThat(put(presignedUpload(before), "application/pdf").statusCode()).isEqualTo(200);
        URI during = presignedUpload("reports/" + UUID.randomUUID() + ".pdf");

        TestStack.objectStore().stop();
        try {
            assertThatThrownBy(() -> put(during, "application/pdf")).isInstanceOf(ConnectException.class);
        } finally {
            TestStack.objectStore().startAgain();
        }

        assertThat(URI.create(TestStack.objectStore().endpoint())).isEqualTo(endpoint);
        try (S3Client s3 = S3Client.builder().endpointOverride(endpoint).region(Region.of(ObjectStore.REGION))
                .credentialsProvider(credentials).serviceConfiguration(pathStyle).build()) {
            assertThat(s3.getObjectAsBytes(get -> get.bucket(ObjectStore.LAB_REPORTS_BUCKET).key(before)).asByteArray())
                    .isEqualTo(REPORT);
        }
        assertThat(put(during, "application/pdf").statusCode()).isEqualTo(200);
    }

    @Test
    void the_lab_report_bucket_keeps_every_version_as_in_the_cloud_and_each_can_be_deleted_for_good() {
        String key = "uploads/" + UUID.randomUUID() + ".pdf";
        try (S3Client s3 = S3Client.builder().endpointOverride(endpoint).region(Region.of(ObjectStore.REGION))
                .credentialsProvider(credentials).serviceConfiguration(pathStyle).build()) {
            s3.putObject(put -> put.bucket(ObjectStore.LAB_REPORTS_BUCKET).key(key), RequestBody.fromBytes(REPORT));
            s3.putObject(put -> put.bucket(ObjectStore.LAB_REPORTS_BUCKET).key(key), RequestBody.fromBytes(REPORT));
            s3.deleteObject(delete -> delete.bucket(ObjectStore.LAB_REPORTS_BUCKET).key(key));

            var listed = s3.listObjectVersions(list -> list.bucket(ObjectStore.LAB_REPORTS_BUCKET).prefix(key));
            assertThat(listed.versions()).hasSize(2);
            assertThat(listed.deleteMarkers()).hasSize(1);
            var versions = java.util.stream.Stream.concat(
                    listed.versions().stream().map(version -> version.versionId()),
                    listed.deleteMarkers().stream().map(marker -> marker.versionId()))
                    .map(id -> ObjectIdentifier.builder().key(key).versionId(id).build()).toList();
            s3.deleteObjects(delete -> delete.bucket(ObjectStore.LAB_REPORTS_BUCKET).delete(d -> d.objects(versions)));

            var after = s3.listObjectVersions(list -> list.bucket(ObjectStore.LAB_REPORTS_BUCKET).prefix(key));
            assertThat(after.versions()).isEmpty();
            assertThat(after.deleteMarkers()).isEmpty();
        }
    }

    @Test
    void a_presigned_url_refuses_another_content_type_than_it_was_signed_for() throws Exception {
        String key = "reports/" + UUID.randomUUID() + ".pdf";

        HttpResponse<String> upload = put(presignedUpload(key), "text/html");

        assertThat(upload.statusCode()).isEqualTo(403);
    }

    @Test
    void the_portal_s_browser_may_put_a_report_from_a_loopback_port_and_another_site_may_not() throws Exception {
        URI upload = presignedUpload("reports/" + UUID.randomUUID() + ".pdf");

        HttpResponse<String> portal = preflight(upload, "http://127.0.0.1:41234");
        HttpResponse<String> elsewhere = preflight(upload, "https://elsewhere.example.com");

        assertThat(portal.headers().firstValue("Access-Control-Allow-Origin")).contains("http://127.0.0.1:41234");
        assertThat(elsewhere.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private static HttpResponse<String> preflight(URI url, String origin) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(url).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", origin).header("Access-Control-Request-Method", "PUT")
                    .header("Access-Control-Request-Headers", "content-type").build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private URI presignedUpload(String key) throws Exception {
        try (S3Presigner presigner = S3Presigner.builder().endpointOverride(endpoint).region(Region.of(ObjectStore.REGION))
                .credentialsProvider(credentials).serviceConfiguration(pathStyle).build()) {
            return presigner.presignPutObject(request -> request.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(put -> put.bucket(ObjectStore.LAB_REPORTS_BUCKET).key(key).contentType("application/pdf")))
                    .url().toURI();
        }
    }

    private static HttpResponse<String> put(URI url, String contentType) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(url).header("Content-Type", contentType)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(REPORT)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
