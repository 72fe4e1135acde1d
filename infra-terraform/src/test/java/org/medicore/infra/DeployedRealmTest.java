package org.medicore.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medicore.localstack.KeycloakDistribution;
import org.medicore.localstack.KeycloakServer;
import org.medicore.localstack.TestStack;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The realm a cluster imports (kubernetes/base/keycloak/medicore-realm.json), imported into the
 * real Keycloak with the Keycloak Deployment's own settings: its ConfigMap's runtime variables and
 * a value for every secret its ExternalSecret names. Then the clients are used the way the
 * services use them in the cluster: over the in-cluster (backchannel) address, without TLS; and
 * people sign in through its login pages, where staff must give a second factor and patients need not.
 */
class DeployedRealmTest {

    private static final Path KEYCLOAK = Repository.KUBERNETES.resolve("base/keycloak");
    private static final Path REALM_FILE = KEYCLOAK.resolve("medicore-realm.json");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");
    /** Keycloak build options: changing them would rebuild the distribution every module shares. */
    private static final Set<String> BUILD_OPTIONS = Set.of("KC_DB", "KC_HEALTH_ENABLED", "KC_METRICS_ENABLED");
    /** The test binds its own loopback port, as KeycloakServer decides. */
    private static final Set<String> LISTENER_OPTIONS = Set.of("KC_HTTP_ENABLED", "KC_HTTP_PORT");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "Sign-in-" + UUID.randomUUID();

    private static final Map<String, String> secrets = new LinkedHashMap<>();
    private static Map<String, String> config;
    private static KeycloakServer keycloak;

    @BeforeAll
    static void importTheRealmAsTheDeploymentDoes() {
        config = deploymentConfig();
        // KC_* secrets (database, bootstrap admin) are the test's own, as KeycloakServer sets them.
        externalSecretKeys().stream().filter(key -> !key.startsWith("KC_"))
                .forEach(key -> secrets.put(key, UUID.randomUUID().toString()));
        Map<String, String> environment = new LinkedHashMap<>(secrets);
        config.forEach((name, value) -> {
            if (!BUILD_OPTIONS.contains(name) && !LISTENER_OPTIONS.contains(name)) {
                environment.put(name, value);
            }
        });
        keycloak = KeycloakServer.startDeployed(KeycloakDistribution.home(), TestStack.postgres(), REALM_FILE,
                "keycloak_deployed_realm", environment, Repository.INFRA.resolve("target/deployed-realm"));
    }

    @AfterAll
    static void stop() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void everyPlaceholderOfTheRealmIsGivenToKeycloak() {
        Set<String> placeholders = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(Repository.read(REALM_FILE));
        while (matcher.find()) {
            placeholders.add(matcher.group(1));
        }
        assertThat(placeholders).contains("MEDICORE_PARTNER_CLIENT_SECRET", "MEDICORE_BFF_CLIENT_SECRET", "MEDICORE_PORTAL_URL");
        Set<String> given = new TreeSet<>(config.keySet());
        given.addAll(secrets.keySet());
        assertThat(given).containsAll(placeholders);
    }

    @Test
    void hasTheLocalRealmsPasswordPolicyAndTheSameDenylistMountedWhereKeycloakReadsIt() {
        JsonNode local = JSON.readTree(Repository.read(Repository.ROOT.resolve("compose/keycloak/medicore-realm.json")));
        JsonNode deployed = JSON.readTree(Repository.read(REALM_FILE));
        assertThat(deployed.get("passwordPolicy")).isEqualTo(local.get("passwordPolicy"));
        assertThat(local.get("passwordPolicy").asString()).contains("length(12)", "notUsername", "notEmail",
                "passwordBlacklist(medicore-common-passwords.txt)");
        assertThat(Repository.read(KEYCLOAK.resolve("medicore-common-passwords.txt")))
                .isEqualTo(Repository.read(Repository.ROOT.resolve("compose/keycloak/medicore-common-passwords.txt")));
        assertThat(Repository.read(KEYCLOAK.resolve("deployment.yaml")))
                .contains("mountPath: /opt/keycloak/data/password-blacklists", "name: keycloak-password-denylist");
    }

    @Test
    void holdsEveryClientOfTheLocalRealmButTheLocalDevOneWithTheSameFlowsAndServiceAccountRoles() {
        JsonNode local = JSON.readTree(Repository.read(Repository.ROOT.resolve("compose/keycloak/medicore-realm.json")));
        JsonNode deployed = JSON.readTree(Repository.read(REALM_FILE));
        Map<String, JsonNode> deployedClients = byName(deployed.get("clients"), "clientId");
        Map<String, JsonNode> localClients = byName(local.get("clients"), "clientId");
        localClients.remove(KeycloakServer.LOCAL_DEV_CLIENT);
        assertThat(deployedClients.keySet()).isEqualTo(localClients.keySet());
        for (String flow : List.of("publicClient", "standardFlowEnabled", "implicitFlowEnabled",
                "directAccessGrantsEnabled", "serviceAccountsEnabled", "protocolMappers")) {
            localClients.forEach((clientId, client) ->
                    assertThat(deployedClients.get(clientId).get(flow)).as("%s %s", clientId, flow).isEqualTo(client.get(flow)));
        }
        Map<String, JsonNode> serviceAccounts = byName(local.get("users"), "username");
        serviceAccounts.keySet().removeIf(username -> !username.startsWith("service-account-"));
        Map<String, JsonNode> deployedUsers = byName(deployed.get("users"), "username");
        assertThat(deployedUsers.keySet()).as("no demo users are deployed").isEqualTo(serviceAccounts.keySet());
        serviceAccounts.forEach((username, account) -> assertThat(deployedUsers.get(username)).isEqualTo(account));
        deployedClients.forEach((clientId, client) -> {
            if (client.has("secret")) {
                assertThat(client.get("secret").asString()).as("%s: no fixed secret", clientId).matches(PLACEHOLDER);
            }
        });
    }

    @Test
    void thePartnerClientGetsAnApiTokenAsADoctorIssuedByThePublicAddress() {
        JsonNode claims = claims(clientToken("medicore-partner", secrets.get("MEDICORE_PARTNER_CLIENT_SECRET")));
        // Asked in-cluster over plain HTTP (sslRequired "all" holds: the fixed public host name is
        // https), the token names the public issuer the services' ConfigMaps check.
        assertThat(claims.get("iss").asString()).isEqualTo(config.get("KC_HOSTNAME") + "/realms/" + KeycloakServer.REALM);
        assertThat(claims.get("aud").toString()).contains("medicore-api");
        assertThat(claims.at("/realm_access/roles").toString()).contains("DOCTOR");
    }

    @Test
    void theBffClientCanCreateAndRemovePortalAccounts() {
        createAndRemoveAPortalAccountAsTheBff();
    }

    @Test
    void signInsFailedSignInsAndAdminChangesAreStoredAsEvents() {
        clientToken("medicore-partner", secrets.get("MEDICORE_PARTNER_CLIENT_SECRET"));
        assertThat(keycloak.requestToken(Map.of("grant_type", "client_credentials", "client_id", "medicore-partner",
                "client_secret", "not-the-secret")).statusCode()).isEqualTo(401);
        createAndRemoveAPortalAccountAsTheBff();

        String realm = keycloak.baseUrl() + "/admin/realms/" + KeycloakServer.REALM;
        JsonNode config = adminGet(realm + "/events/config");
        assertThat(config.get("eventsEnabled").asBoolean()).isTrue();
        assertThat(config.get("adminEventsEnabled").asBoolean()).isTrue();
        assertThat(config.get("eventsExpiration").asLong()).isEqualTo(90L * 24 * 3600);
        assertThat(adminGet(realm + "/events?client=medicore-partner&type=CLIENT_LOGIN").size()).isPositive();
        assertThat(adminGet(realm + "/events?client=medicore-partner&type=CLIENT_LOGIN_ERROR").size()).isPositive();
        JsonNode created = adminGet(realm + "/admin-events?operationTypes=CREATE&resourceTypes=USER");
        assertThat(created.size()).isPositive();
        // Who did it: the BFF's service account, from which address.
        assertThat(created.get(0).at("/authDetails/userId").asString()).isNotEmpty();
        assertThat(created.get(0).get("representation").asString()).contains("deployed-realm-");
        assertThat(adminGet(realm + "/admin-events?operationTypes=DELETE&resourceTypes=USER").size()).isPositive();
    }

    private static void createAndRemoveAPortalAccountAsTheBff() {
        String token = clientToken("medicore-bff", secrets.get("MEDICORE_BFF_CLIENT_SECRET"));
        assertThat(claims(token).at("/realm_access/roles").toString()).contains("DOCTOR");
        String users = keycloak.baseUrl() + "/admin/realms/" + KeycloakServer.REALM + "/users";
        String username = "deployed-realm-" + UUID.randomUUID();
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(users))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"enabled\":true}")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(send(HttpRequest.newBuilder(URI.create(location)).header("Authorization", "Bearer " + token)
                .DELETE()).statusCode()).isEqualTo(204);
    }

    @Test
    void aWrongSecretOrTheLocalDevClientGetNoToken() {
        assertThat(keycloak.requestToken(Map.of("grant_type", "client_credentials", "client_id", "medicore-bff",
                "client_secret", "not-the-secret")).statusCode()).isEqualTo(401);
        assertThat(keycloak.requestToken(Map.of("grant_type", "password", "client_id", KeycloakServer.LOCAL_DEV_CLIENT,
                "username", "admin", "password", "admin-password")).statusCode()).isEqualTo(401);
        assertThat(keycloak.requestToken(Map.of("grant_type", "password", "client_id", KeycloakServer.PORTAL_CLIENT,
                "username", "admin", "password", "admin-password")).statusCode()).isIn(400, 401);
    }

    @Test
    void thePortalSignsInOnlyAtItsOwnAddress() {
        String portal = config.get("MEDICORE_PORTAL_URL");
        assertThat(authorize(portal + "/").statusCode()).isEqualTo(200);
        assertThat(authorize("https://elsewhere.example/").statusCode()).isEqualTo(400);
    }

    @Test
    void onlyTheDeployedRealmAsksStaffForASecondFactorTheLocalOneLeavesItToTheDemoUsers() {
        JsonNode local = JSON.readTree(Repository.read(Repository.ROOT.resolve("compose/keycloak/medicore-realm.json")));
        JsonNode deployed = JSON.readTree(Repository.read(REALM_FILE));
        // Without flows of its own a realm gets Keycloak's: a code only from those who set up an app.
        assertThat(local.has("authenticationFlows")).isFalse();
        assertThat(local.has("browserFlow")).isFalse();
        assertThat(deployed.get("browserFlow").asString()).isEqualTo("staff browser");
        assertThat(deployed.get("directGrantFlow").asString()).isEqualTo("staff direct grant");
        assertThat(adminGet(keycloak.baseUrl() + "/admin/realms/" + KeycloakServer.REALM).get("browserFlow").asString())
                .isEqualTo("staff browser");
    }

    @Test
    void staffGetNoCodeFromTheirPasswordAloneButAreAskedToSetUpAnAuthenticatorApp() {
        for (String role : List.of("DOCTOR", "BILLING", "ADMIN")) {
            String username = anAccount(role, null);
            BrowserSignIn browser = portalSignIn();
            HttpResponse<String> next = browser.submit(Map.of("username", username, "password", PASSWORD));
            assertThat(next.statusCode()).as(role).isEqualTo(200);
            assertThat(next.body()).as(role).contains("name=\"totpSecret\"", "name=\"totp\"");
            assertThat(browser.code()).as(role).isEmpty();
        }
    }

    @Test
    void aPatientSignsInWithTheirPasswordAlone() {
        String username = anAccount("PATIENT", null);
        BrowserSignIn browser = portalSignIn();
        assertThat(browser.submit(Map.of("username", username, "password", PASSWORD)).statusCode()).isEqualTo(302);
        assertThat(claims(portalToken(browser.code().orElseThrow())).at("/realm_access/roles").toString()).contains("PATIENT");
    }

    @Test
    void staffWithTheirAuthenticatorAppGetATokenWithTheCurrentCodeOnly() {
        TimeBasedCode app = new TimeBasedCode(aSecret());
        String username = anAccount("BILLING", app.secret());
        BrowserSignIn browser = portalSignIn();
        HttpResponse<String> askedForCode = browser.submit(Map.of("username", username, "password", PASSWORD));
        assertThat(askedForCode.statusCode()).isEqualTo(200);
        assertThat(askedForCode.body()).contains("name=\"otp\"");
        assertThat(browser.code()).isEmpty();

        assertThat(browser.submit(Map.of("otp", app.at(Instant.now().minus(Duration.ofMinutes(10))))).statusCode()).isEqualTo(200);
        assertThat(browser.code()).as("a code ten minutes old").isEmpty();

        assertThat(browser.submit(Map.of("otp", app.at(Instant.now()))).statusCode()).isEqualTo(302);
        assertThat(claims(portalToken(browser.code().orElseThrow())).at("/realm_access/roles").toString()).contains("BILLING");
    }

    @Test
    void thePasswordGrantLetsNoStaffMemberInWithoutTheirCode() {
        // The BFF's own client keeps the password grant: registration checks a returning patient's password with it.
        String patient = anAccount("PATIENT", null);
        assertThat(bffPasswordGrant(patient, Map.of()).statusCode()).isEqualTo(200);
        // A new account each time: brute-force protection locks one after two refusals within a second.
        TimeBasedCode app = new TimeBasedCode(aSecret());
        assertThat(bffPasswordGrant(anAccount("ADMIN", app.secret()), Map.of()).statusCode()).isEqualTo(401);
        assertThat(bffPasswordGrant(anAccount("ADMIN", app.secret()),
                Map.of("totp", app.at(Instant.now().minus(Duration.ofMinutes(10))))).statusCode()).isEqualTo(401);
        HttpResponse<String> withoutApp = bffPasswordGrant(anAccount("DOCTOR", null), Map.of());
        assertThat(withoutApp.statusCode()).as(withoutApp.body()).isEqualTo(401);
        HttpResponse<String> withCode = bffPasswordGrant(anAccount("ADMIN", app.secret()), Map.of("totp", app.at(Instant.now())));
        assertThat(withCode.statusCode()).as(withCode.body()).isEqualTo(200);
    }

    private static HttpResponse<String> bffPasswordGrant(String username, Map<String, String> extra) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "password", "client_id", "medicore-bff",
                "client_secret", secrets.get("MEDICORE_BFF_CLIENT_SECRET"), "username", username, "password", PASSWORD));
        form.putAll(extra);
        return keycloak.requestToken(form);
    }

    private static BrowserSignIn portalSignIn() {
        return new BrowserSignIn(keycloak.baseUrl(), KeycloakServer.REALM, KeycloakServer.PORTAL_CLIENT, portalRedirect());
    }

    private static String portalRedirect() {
        return config.get("MEDICORE_PORTAL_URL") + "/";
    }

    private static String portalToken(String code) {
        HttpResponse<String> response = keycloak.requestToken(Map.of("grant_type", "authorization_code",
                "client_id", KeycloakServer.PORTAL_CLIENT, "code", code, "redirect_uri", portalRedirect(),
                "code_verifier", BrowserSignIn.CODE_VERIFIER));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    private static String aSecret() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    /**
     * A user of {@code role} with {@link #PASSWORD}, and with a TOTP credential of {@code totpSecret}
     * when one is given, as the authenticator app's set-up page would have stored it.
     */
    private static String anAccount(String role, String totpSecret) {
        String username = role.toLowerCase() + "-" + UUID.randomUUID();
        List<Map<String, Object>> credentials = new ArrayList<>();
        credentials.add(Map.of("type", "password", "value", PASSWORD, "temporary", false));
        if (totpSecret != null) {
            credentials.add(Map.of("type", "otp", "userLabel", "phone",
                    "secretData", JSON.writeValueAsString(Map.of("value", totpSecret)),
                    "credentialData", JSON.writeValueAsString(Map.of("subType", "totp", "digits", 6, "counter", 0,
                            "period", 30, "algorithm", "HmacSHA1"))));
        }
        String realm = keycloak.baseUrl() + "/admin/realms/" + KeycloakServer.REALM;
        HttpResponse<String> created = adminPost(realm + "/users", Map.of("username", username, "enabled", true,
                "email", username + "@clinic.example", "emailVerified", true, "firstName", "Test", "lastName", role,
                "credentials", credentials));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> granted = adminPost(location + "/role-mappings/realm", List.of(adminGet(realm + "/roles/" + role)));
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(204);
        return username;
    }

    private static HttpResponse<String> authorize(String redirectUri) {
        String query = BrowserSignIn.form(Map.of("client_id", KeycloakServer.PORTAL_CLIENT, "response_type", "code", "scope", "openid",
                "redirect_uri", redirectUri, "code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                "code_challenge_method", "S256"));
        return send(HttpRequest.newBuilder(URI.create(keycloak.issuer() + "/protocol/openid-connect/auth?" + query))
                .header("X-Forwarded-For", "203.0.113.7").header("X-Forwarded-Proto", "https").GET());
    }

    /** A GET of the admin API as Keycloak's bootstrap administrator (master realm). */
    private static JsonNode adminGet(String url) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + adminToken()).GET());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> adminPost(String url, Object body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private static String adminToken() {
        HttpResponse<String> signIn = send(HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(BrowserSignIn.form(Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", KeycloakServer.ADMIN_USER, "password", KeycloakServer.ADMIN_PASSWORD)))));
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        return JSON.readTree(signIn.body()).get("access_token").asString();
    }

    private static String clientToken(String clientId, String secret) {
        HttpResponse<String> response = keycloak.requestToken(Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode claims(String jwt) {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static Map<String, JsonNode> byName(JsonNode array, String field) {
        Map<String, JsonNode> named = new LinkedHashMap<>();
        array.forEach(node -> named.put(node.get(field).asString(), node));
        return named;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> deploymentConfig() {
        Map<String, Object> data = (Map<String, Object>) Repository.yamlMap(KEYCLOAK.resolve("configmap.yaml")).get("data");
        Map<String, String> values = new LinkedHashMap<>();
        data.forEach((name, value) -> values.put(name, String.valueOf(value)));
        return values;
    }

    private static List<String> externalSecretKeys() {
        List<String> keys = new ArrayList<>();
        KubernetesManifestsTest.list(KubernetesManifestsTest.map(Repository.yamlMap(KEYCLOAK.resolve("externalsecret.yaml")),
                "spec"), "data").forEach(entry -> keys.add((String) entry.get("secretKey")));
        return keys;
    }
}
