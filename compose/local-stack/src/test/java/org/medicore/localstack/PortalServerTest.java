package org.medicore.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortalServerTest {

    @TempDir
    Path dist;

    @Test
    void serves_the_portal_its_assets_and_where_the_bff_and_keycloak_are() throws Exception {
        Files.writeString(dist.resolve("index.html"), "<div id=root></div>");
        Files.createDirectories(dist.resolve("assets"));
        Files.writeString(dist.resolve("assets/index-abc.js"), "console.log('portal')");
        try (PortalServer portal = PortalServer.start(dist, 0, "http://127.0.0.1:8080/graphql", "http://localhost:18080",
                "http://127.0.0.1:9000", "Europe/Berlin")) {
            assertThat(get(portal, "/assets/index-abc.js").headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/javascript"));
            HttpResponse<String> config = get(portal, "/config.json");
            assertThat(config.body()).contains("\"graphqlUrl\":\"http://127.0.0.1:8080/graphql\"",
                    "\"keycloakUrl\":\"http://localhost:18080\"", "\"clientId\":\"medicore-portal\"",
                    "\"clinicTimeZone\":\"Europe/Berlin\"");
        }
    }

    @Test
    void answers_the_portal_s_own_paths_and_nothing_outside_its_folder_with_its_page() throws Exception {
        Files.writeString(dist.resolve("index.html"), "<div id=root></div>");
        Files.writeString(dist.getParent().resolve("secret.txt"), "not for browsers");
        try (PortalServer portal = PortalServer.start(dist, 0, "http://127.0.0.1:8080/graphql", "http://localhost:18080",
                "http://127.0.0.1:9000", "Europe/Berlin")) {
            assertThat(get(portal, "/patients/42").body()).isEqualTo("<div id=root></div>");
            assertThat(get(portal, "/../secret.txt").body()).isEqualTo("<div id=root></div>");
        }
    }

    @Test
    void compresses_text_caches_hashed_assets_and_sends_the_security_headers() throws Exception {
        Files.writeString(dist.resolve("index.html"), "<div id=root></div>");
        Files.createDirectories(dist.resolve("assets"));
        Files.writeString(dist.resolve("assets/index-abc.js"), "console.log('portal');\n".repeat(200));
        try (PortalServer portal = PortalServer.start(dist, 0, "http://127.0.0.1:8080/graphql", "http://localhost:18080",
                "http://127.0.0.1:9000", "Europe/Berlin");
             HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> script = http.send(HttpRequest.newBuilder(URI.create(portal.url() + "/assets/index-abc.js"))
                    .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(script.headers().firstValue("Content-Encoding")).contains("gzip");
            assertThat(script.body().length).isLessThan(4800 / 10);
            assertThat(script.headers().firstValue("Cache-Control")).contains("public, max-age=31536000, immutable");

            HttpResponse<String> page = get(portal, "/");
            assertThat(page.headers().firstValue("Cache-Control")).contains("no-cache");
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("connect-src 'self' http://127.0.0.1:8080 ws://127.0.0.1:8080 http://localhost:18080 http://127.0.0.1:9000;",
                            "frame-ancestors 'none'"));
            assertThat(page.headers().map()).containsKeys("strict-transport-security", "x-content-type-options", "referrer-policy");
        }
    }

    @Test
    void refuses_a_clinic_time_zone_that_is_no_iana_zone_rather_than_serve_another() throws Exception {
        Files.writeString(dist.resolve("index.html"), "<div id=root></div>");
        for (String zone : List.of("Europe/Berln", "+01:00", "CET+1", "")) {
            assertThatThrownBy(() -> PortalServer.start(dist, 0, "http://127.0.0.1:8080/graphql", "http://localhost:18080",
                    "http://127.0.0.1:9000", zone))
                    .as(zone).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"" + zone + "\" is no IANA time zone");
        }
    }

    private static HttpResponse<String> get(PortalServer portal, String path) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(portal.url() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response;
        }
    }
}
