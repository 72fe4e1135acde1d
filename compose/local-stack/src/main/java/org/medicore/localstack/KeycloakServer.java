package org.medicore.localstack;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The real Keycloak server from its published distribution, with realm {@code medicore}
 * imported, its data in a PostgreSQL database of the stack.
 */
public final class KeycloakServer implements Component {

    public static final String REALM = "medicore";
    public static final String REALM_RESOURCE = "/keycloak/medicore-realm.json";
    public static final String PASSWORD_DENYLIST_RESOURCE = "/keycloak/medicore-common-passwords.txt";
    public static final String ADMIN_USER = "keycloak-admin";
    public static final String ADMIN_PASSWORD = "keycloak-admin-password";
    public static final String DATABASE = "keycloak";
    public static final String LOCAL_DEV_CLIENT = "medicore-local-dev";
    public static final String PORTAL_CLIENT = "medicore-portal";
    public static final String PARTNER_CLIENT = "medicore-partner";
    public static final String PARTNER_SECRET = "medicore-partner-secret";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

    private final Path home;
    private final URL realm;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path logDirectory;
    private final int port;
    private volatile ChildProcess process;

    private KeycloakServer(Path home, URL realm, List<String> command, Map<String, String> environment, Path logDirectory,
                           int port) {
        this.home = home;
        this.realm = realm;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.logDirectory = logDirectory;
        this.port = port;
    }

    /**
     * Starts Keycloak on {@code port} (0 = free). The build options (database kind) never change
     * between runs, so only the very first start pays for Keycloak's build step.
     */
    public static KeycloakServer start(Path home, PostgresServer postgres, int port, Path logDirectory) {
        URL realm = KeycloakServer.class.getResource(REALM_RESOURCE);
        if (realm == null) {
            throw new IllegalStateException("realm file " + REALM_RESOURCE + " missing from the class path");
        }
        int httpPort = FreePorts.orFree(port);
        // Tokens name the issuer by this host name; without it a token fetched via localhost
        // fails an issuer check configured with 127.0.0.1 (and the reverse).
        // Keycloak's default brute-force protector holds a user's sign-in slot until its own
        // asynchronous bookkeeping of the last sign-in ends: on a busy machine a second correct
        // sign-in right after the first is refused as "Invalid user credentials". Tests and the load
        // client sign demo users in one after another; failures are still counted and lock out.
        return launch(home, postgres, httpPort, realm, DATABASE, Map.of(),
                List.of("--hostname=http://localhost:" + httpPort,
                        "--spi-brute-force-protector--default-brute-force-detector--allow-concurrent-requests=true"),
                logDirectory);
    }

    /**
     * Starts Keycloak on a free port as a deployment runs it: importing {@code realmFile} into a
     * database of its own, with the deployment's environment ({@code KC_*} runtime settings such
     * as the public host name and proxy headers, and the values the realm's {@code ${...}}
     * placeholders read), so a test can check the realm a cluster would import.
     */
    public static KeycloakServer startDeployed(Path home, PostgresServer postgres, Path realmFile, String database,
                                               Map<String, String> environment, Path logDirectory) {
        try {
            return launch(home, postgres, FreePorts.free(), realmFile.toUri().toURL(), database, environment, List.of(),
                    logDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("realm file " + realmFile + " is no URL", e);
        }
    }

    private static KeycloakServer launch(Path home, PostgresServer postgres, int httpPort, URL realm, String database,
                                         Map<String, String> realmEnvironment, List<String> options, Path logDirectory) {
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("no Keycloak distribution at " + home
                    + "; build the local-stack module first (./mvnw -pl compose/local-stack -am install -DskipTests)");
        }
        postgres.ensureDatabase(database);
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--db=postgres",
                "--db-url=" + postgres.jdbcUrl(database),
                "--db-username=" + PostgresServer.USER,
                "--db-password=" + PostgresServer.PASSWORD,
                "--http-host=127.0.0.1",
                "--http-port=" + httpPort,
                "--http-management-port=" + FreePorts.free(),
                "--import-realm"));
        command.addAll(options);
        Map<String, String> environment = new HashMap<>(realmEnvironment);
        environment.putAll(Map.of(
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED -Xms64m -Xmx768m"));
        KeycloakServer server = new KeycloakServer(home, realm, command, environment, logDirectory, httpPort);
        server.launch();
        return server;
    }

    private void launch() {
        // Test JVMs of several modules share one distribution and its import folder; its first
        // start rewrites the distribution (Keycloak's build step), so starts take turns.
        try (FileChannel channel = FileChannel.open(home.resolve(".medicore-start.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            installRealm(home, realm);
            process = ChildProcess.start("Keycloak", command, environment, home, logDirectory.resolve("keycloak.log"));
            process.awaitCondition(this::realmAnswers, "realm " + REALM + " to answer", READY_TIMEOUT);
        } catch (IOException e) {
            throw new UncheckedIOException("could not take the Keycloak start lock in " + home, e);
        }
    }

    /**
     * Stops Keycloak, its realm kept in its database, as an outage would: tokens it issued stay valid
     * until they expire, new sign-ins fail; {@link #startAgain()} ends the outage. For fault tests.
     */
    public synchronized void stop() {
        process.close();
    }

    /** Starts a stopped Keycloak again on the same port and database and waits until the realm answers. */
    public synchronized void startAgain() {
        launch();
    }

    private static void installRealm(Path home, URL realmFile) {
        install(realmFile, home.resolve("data/import/medicore-realm.json"));
        // The password policy's denylist (passwordBlacklist), where Keycloak looks for it.
        URL denylist = KeycloakServer.class.getResource(PASSWORD_DENYLIST_RESOURCE);
        if (denylist == null) {
            throw new IllegalStateException("password denylist " + PASSWORD_DENYLIST_RESOURCE + " missing from the class path");
        }
        install(denylist, home.resolve("data/password-blacklists/medicore-common-passwords.txt"));
    }

    private static void install(URL source, Path target) {
        try (InputStream content = source.openStream()) {
            Files.createDirectories(target.getParent());
            Files.copy(content, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not install " + source + " as " + target, e);
        }
    }

    private boolean realmAnswers() {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                            .timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The {@code iss} of every token of the realm. */
    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    public String jwksUri() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    /** An access token of a demo user (password {@code <user>-password}), through the local-dev client. */
    public String accessToken(String demoUser) {
        return tokenResponse(Map.of("grant_type", "password", "client_id", LOCAL_DEV_CLIENT,
                "username", demoUser, "password", demoUser + "-password"));
    }

    /** An access token of the partner client, by the client-credentials grant. */
    public String partnerAccessToken() {
        return tokenResponse(Map.of("grant_type", "client_credentials", "client_id", PARTNER_CLIENT,
                "client_secret", PARTNER_SECRET));
    }

    /** Posts a form to the token endpoint; answers the raw response for callers that check refusals. */
    public HttpResponse<String> requestToken(Map<String, String> form) {
        return requestToken(tokenEndpoint(), form);
    }

    private static HttpResponse<String> requestToken(String endpoint, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(endpoint))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("the token endpoint did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching a token", e);
        }
    }

    /**
     * Lets the portal served on {@code origin} (e.g. {@code http://127.0.0.1:41234}) sign users in:
     * Keycloak matches redirect URIs and CORS origins port and all, and a test serves the portal
     * on a free port. Through the admin REST API, so it holds for a realm imported earlier too.
     */
    public void allowPortalAt(String origin) {
        JsonMapper json = JsonMapper.builder().build();
        String admin = masterAdminToken(json);
        String clients = baseUrl() + "/admin/realms/" + REALM + "/clients";
        ObjectNode client = (ObjectNode) json.readTree(adminCall(admin, HttpRequest.newBuilder(
                URI.create(clients + "?clientId=" + PORTAL_CLIENT)).GET())).get(0);
        boolean changed = addOnce((ArrayNode) client.get("redirectUris"), origin + "/*")
                | addOnce((ArrayNode) client.get("webOrigins"), origin);
        ObjectNode attributes = (ObjectNode) client.get("attributes");
        String logout = attributes.path("post.logout.redirect.uris").asString("");
        if (!logout.contains(origin + "/*")) {
            attributes.put("post.logout.redirect.uris", logout.isEmpty() ? origin + "/*" : logout + "##" + origin + "/*");
            changed = true;
        }
        if (changed) {
            adminCall(admin, HttpRequest.newBuilder(URI.create(clients + "/" + client.get("id").asString()))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(client))));
        }
    }

    /**
     * A login of the realm like the demo users (password {@code <username>-password}, e-mail verified, no required
     * action) holding {@code realmRole}, for a test that needs a second person in a role, such as an erasure's
     * approver beside the admin who recorded it. Through the admin REST API; an existing login is kept as it is.
     */
    public void addUser(String username, String realmRole) {
        JsonMapper json = JsonMapper.builder().build();
        String admin = masterAdminToken(json);
        String realm = baseUrl() + "/admin/realms/" + REALM;
        if (json.readTree(adminCall(admin, HttpRequest.newBuilder(URI.create(realm + "/users?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8))).GET())).isEmpty()) {
            ObjectNode user = json.createObjectNode().put("username", username).put("enabled", true)
                    .put("emailVerified", true).put("email", username + "@medicore.local")
                    .put("firstName", username).put("lastName", "Test");
            user.putArray("credentials").addObject().put("type", "password").put("value", username + "-password")
                    .put("temporary", false);
            adminCall(admin, HttpRequest.newBuilder(URI.create(realm + "/users")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(user))));
        }
        String id = json.readTree(adminCall(admin, HttpRequest.newBuilder(URI.create(realm + "/users?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8))).GET())).get(0).get("id").asString();
        String role = adminCall(admin, HttpRequest.newBuilder(URI.create(realm + "/roles/" + realmRole)).GET());
        adminCall(admin, HttpRequest.newBuilder(URI.create(realm + "/users/" + id + "/role-mappings/realm"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("[" + role + "]")));
    }

    private String masterAdminToken(JsonMapper json) {
        return json.readTree(requestToken(baseUrl() + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", ADMIN_USER, "password", ADMIN_PASSWORD))
                .body()).get("access_token").asString();
    }

    private static boolean addOnce(ArrayNode values, String value) {
        for (JsonNode present : values) {
            if (present.asString().equals(value)) {
                return false;
            }
        }
        values.add(value);
        return true;
    }

    private static String adminCall(String token, HttpRequest.Builder request) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Keycloak's admin API refused (" + response.statusCode() + "): " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak's admin API did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling Keycloak's admin API", e);
        }
    }

    private String tokenResponse(Map<String, String> form) {
        HttpResponse<String> response = requestToken(form);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token (" + response.statusCode() + "): " + response.body());
        }
        return JsonMapper.builder().build().readTree(response.body()).get("access_token").asString();
    }

    @Override
    public String name() {
        return "Keycloak";
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(new Endpoint("issuer", issuer()),
                new Endpoint("admin console", baseUrl() + "/admin (" + ADMIN_USER + " / " + ADMIN_PASSWORD + ")"));
    }

    @Override
    public void close() {
        process.close();
    }
}
