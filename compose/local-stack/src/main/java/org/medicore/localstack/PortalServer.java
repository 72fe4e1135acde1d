package org.medicore.localstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The built portal ({@code web-portal/dist}) served on a loopback port, with {@code /config.json}
 * telling it where the BFF and Keycloak are; any other unknown path is the portal's own page
 * (it routes in the browser). The browser calls the BFF directly: the BFF allows the portal's
 * origin (CORS and the graphql-ws handshake).
 */
public final class PortalServer implements Component {

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon", "json", "application/json", "woff2", "font/woff2");

    private final HttpServer server;
    private final Path dist;
    private final byte[] config;

    private PortalServer(HttpServer server, Path dist, byte[] config) {
        this.server = server;
        this.dist = dist;
        this.config = config;
    }

    /** Serves {@code dist} on {@code port} (0 = free), pointing the portal at {@code graphqlUrl} and Keycloak at {@code keycloakUrl}. */
    public static PortalServer start(Path dist, int port, String graphqlUrl, String keycloakUrl) {
        if (!Files.isRegularFile(dist.resolve("index.html"))) {
            throw new IllegalStateException("the portal is not built: no " + dist.resolve("index.html")
                    + "; build it with ./mvnw -pl web-portal package");
        }
        String json = "{\"graphqlUrl\":\"" + graphqlUrl + "\",\"keycloakUrl\":\"" + keycloakUrl
                + "\",\"realm\":\"" + KeycloakServer.REALM + "\",\"clientId\":\"" + KeycloakServer.PORTAL_CLIENT + "\"}";
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            PortalServer portal = new PortalServer(server, dist.toAbsolutePath().normalize(), json.getBytes(StandardCharsets.UTF_8));
            server.createContext("/", portal::answer);
            server.start();
            return portal;
        } catch (IOException e) {
            throw new UncheckedIOException("the portal could not be served on port " + port, e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/config.json")) {
                send(exchange, "application/json", config, "no-store");
                return;
            }
            Path file = dist.resolve(path.substring(1)).normalize();
            boolean asset = file.startsWith(dist) && Files.isRegularFile(file);
            Path served = asset ? file : dist.resolve("index.html");
            String name = served.getFileName().toString();
            String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
            // Vite names bundles by their content, so only the page itself must be fetched anew.
            send(exchange, type, Files.readAllBytes(served), asset && path.startsWith("/assets/") ? "max-age=31536000, immutable" : "no-cache");
        }
    }

    private static void send(HttpExchange exchange, String type, byte[] body, String cacheControl) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", cacheControl);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public String name() {
        return "web-portal";
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(new Endpoint("portal", url()));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
