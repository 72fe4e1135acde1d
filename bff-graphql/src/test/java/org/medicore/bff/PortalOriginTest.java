package org.medicore.bff;

import org.junit.jupiter.api.Test;
import org.medicore.bff.support.WholeSystemTest;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

@TestPropertySource(properties = "medicore.portal.origins=http://127.0.0.1:4173,http://portal.example.org")
class PortalOriginTest extends WholeSystemTest {

    @Test
    void the_portal_s_origin_may_call_the_api_with_a_token() {
        http().options().uri("/graphql")
                .header("Origin", "http://portal.example.org")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "http://portal.example.org")
                .expectHeader().value("Access-Control-Allow-Headers", headers ->
                        assertThat(headers.toLowerCase()).contains("authorization", "content-type"));
    }

    @Test
    void a_refused_token_is_refused_in_words_the_portal_may_read() {
        http().post().uri("/graphql")
                .header("Origin", "http://portal.example.org")
                .header("Authorization", "Bearer an.expired.token")
                .header("Content-Type", "application/json")
                .bodyValue("{\"query\":\"{ me { subject } }\"}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "http://portal.example.org");
    }

    @Test
    void another_site_may_not_call_the_api_from_a_browser() {
        http().options().uri("/graphql")
                .header("Origin", "http://elsewhere.example.com")
                .header("Access-Control-Request-Method", "POST")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin");
    }

    @Test
    void only_the_portal_s_origin_opens_a_graphql_ws_connection() throws IOException {
        assertThat(handshakeFrom("http://127.0.0.1:4173")).startsWith("HTTP/1.1 101");
        assertThat(handshakeFrom("http://elsewhere.example.com")).startsWith("HTTP/1.1 403");
    }

    /** The status line of a WebSocket upgrade of /graphql sent as a browser on {@code origin} would. */
    private String handshakeFrom(String origin) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /graphql HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Protocol: graphql-transport-ws\r\nOrigin: " + origin + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != -1 && b != '\r'; b = in.read()) {
                line.append((char) b);
            }
            return line.toString();
        }
    }
}
