package org.medicore.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens of the realm's demo users (password grant on the local development client), each
 * renewed a minute before it expires, so the benchmark runs as the portal does: one token per
 * user for minutes, sent with every call.
 */
final class Tokens {

    private record Held(String token, Instant renewAt) {
    }

    private final Target target;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    Tokens(Target target) {
        this.target = target;
    }

    String of(String demoUser) {
        return held.compute(demoUser, (user, current) ->
                current != null && Instant.now().isBefore(current.renewAt()) ? current : request(user)).token();
    }

    /** A session of its own for a demo user (signed in with the password once): what a portal tab holds. */
    Session signIn(String demoUser) {
        return new Session(token("grant_type=password&client_id=" + encode(target.tokenClient()) + "&username=" + encode(demoUser)
                + "&password=" + encode(demoUser + "-password"), demoUser).path("refresh_token").asString());
    }

    /**
     * A signed-in session: each {@link #renew()} gets a new access token with the refresh token, as the portal
     * does when it opens again. Signing in with the password each time instead would trip the realm's
     * brute-force protection, which locks an account that many clients sign in to at once.
     */
    final class Session {

        private String refreshToken;

        private Session(String refreshToken) {
            this.refreshToken = refreshToken;
        }

        synchronized String renew() {
            JsonNode answer = token("grant_type=refresh_token&client_id=" + encode(target.tokenClient())
                    + "&refresh_token=" + encode(refreshToken), "a session");
            refreshToken = answer.path("refresh_token").asString(refreshToken);
            return answer.path("access_token").asString();
        }
    }

    private Held request(String user) {
        JsonNode json = token("grant_type=password&client_id=" + encode(target.tokenClient()) + "&username=" + encode(user)
                + "&password=" + encode(user + "-password"), user);
        long lifetime = json.get("expires_in").asLong();
        return new Held(json.get("access_token").asString(), Instant.now().plus(Duration.ofSeconds(Math.max(10, lifetime - 60))));
    }

    private JsonNode token(String form, String user) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(target.keycloakIssuer() + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + user + ": " + answer.statusCode() + " " + answer.body());
            }
            return JsonMapper.shared().readTree(answer.body());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak does not answer at " + target.keycloakIssuer() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
