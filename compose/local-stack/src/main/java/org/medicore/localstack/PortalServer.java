package org.medicore.localstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * The built portal ({@code web-portal/dist}) served on a loopback port, with {@code /config.json}
 * telling it where the BFF and Keycloak are and the clinic's time zone it shows times in; any other
 * unknown path is the portal's own page (it routes in the browser). The browser calls the BFF directly: the BFF allows the portal's
 * origin (CORS and the graphql-ws handshake). Like the production image's nginx it compresses
 * text, lets hashed assets be cached for a year and sends the security headers, with a CSP that
 * allows calls only to the BFF, Keycloak and the object store the browser PUTs lab reports to.
 */
public final class PortalServer implements Component {

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon", "json", "application/json", "woff2", "font/woff2");

    private static final Set<String> COMPRESSIBLE = Set.of("html", "js", "css", "svg", "json");
    private static final int COMPRESS_FROM = 1024;

    private final HttpServer server;
    private final Path dist;
    private final byte[] config;
    private final String contentSecurityPolicy;

    private PortalServer(HttpServer server, Path dist, byte[] config, String contentSecurityPolicy) {
        this.server = server;
        this.dist = dist;
        this.config = config;
        this.contentSecurityPolicy = contentSecurityPolicy;
    }

    /**
     * Serves {@code dist} on {@code port} (0 = free), pointing the portal at {@code graphqlUrl} and Keycloak at
     * {@code keycloakUrl}; {@code uploadOrigin} is the object store that presigned lab-report uploads name;
     * {@code clinicTimeZone} (an IANA name such as Europe/Berlin) is the zone the portal shows times in.
     */
    public static PortalServer start(Path dist, int port, String graphqlUrl, String keycloakUrl, String uploadOrigin,
            String clinicTimeZone) {
        if (!Files.isRegularFile(dist.resolve("index.html"))) {
            throw new IllegalStateException("the portal is not built: no " + dist.resolve("index.html")
                    + "; build it with ./mvnw -pl web-portal package");
        }
        // A region's name only: a fixed offset ("+01:00") is valid for ZoneId but keeps no clinic's clock changes.
        if (!ZoneId.getAvailableZoneIds().contains(clinicTimeZone)) {
            throw new IllegalArgumentException("the clinic's time zone \"" + clinicTimeZone
                    + "\" is no IANA time zone (such as Europe/Berlin)");
        }
        String json = "{\"graphqlUrl\":\"" + graphqlUrl + "\",\"keycloakUrl\":\"" + keycloakUrl
                + "\",\"realm\":\"" + KeycloakServer.REALM + "\",\"clientId\":\"" + KeycloakServer.PORTAL_CLIENT
                + "\",\"clinicTimeZone\":\"" + clinicTimeZone + "\"}";
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            PortalServer portal = new PortalServer(server, dist.toAbsolutePath().normalize(), json.getBytes(StandardCharsets.UTF_8),
                    contentSecurityPolicy(graphqlUrl, keycloakUrl, uploadOrigin));
            server.createContext("/", portal::answer);
            server.start();
            return portal;
        } catch (IOException e) {
            throw new UncheckedIOException("the portal could not be served on port " + port, e);
        }
    }

    /** Scripts, styles and images only from the portal; calls only to the BFF (HTTP and graphql-ws), Keycloak and the upload store. */
    static String contentSecurityPolicy(String graphqlUrl, String keycloakUrl, String uploadOrigin) {
        URI bff = URI.create(graphqlUrl);
        String bffOrigin = bff.getScheme() + "://" + bff.getAuthority();
        String socketOrigin = (bff.getScheme().equals("https") ? "wss" : "ws") + "://" + bff.getAuthority();
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self' " + bffOrigin + " " + socketOrigin + " " + keycloakUrl + " " + uploadOrigin + "; form-action 'self' " + keycloakUrl
                + "; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/config.json")) {
                send(exchange, "json", config, "no-store");
                return;
            }
            Path file = dist.resolve(path.substring(1)).normalize();
            boolean asset = file.startsWith(dist) && Files.isRegularFile(file);
            Path served = asset ? file : dist.resolve("index.html");
            String name = served.getFileName().toString();
            // Vite names bundles by their content, so only the page itself must be fetched anew.
            send(exchange, name.substring(name.lastIndexOf('.') + 1), Files.readAllBytes(served),
                    asset && path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
        }
    }

    private void send(HttpExchange exchange, String extension, byte[] body, String cacheControl) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", TYPES.getOrDefault(extension, "application/octet-stream"));
        headers.set("Cache-Control", cacheControl);
        headers.set("Content-Security-Policy", contentSecurityPolicy);
        headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
        headers.set("X-Frame-Options", "DENY");
        byte[] sent = body;
        if (COMPRESSIBLE.contains(extension)) {
            headers.set("Vary", "Accept-Encoding");
            String accepted = exchange.getRequestHeaders().getFirst("Accept-Encoding");
            if (body.length >= COMPRESS_FROM && accepted != null && accepted.contains("gzip")) {
                sent = gzip(body);
                headers.set("Content-Encoding", "gzip");
            }
        }
        exchange.sendResponseHeaders(200, sent.length);
        exchange.getResponseBody().write(sent);
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(body.length / 3);
        try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
            out.write(body);
        }
        return compressed.toByteArray();
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
