package org.medicore.bench;

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

    private Held request(String user) {
        String form = "grant_type=password&client_id=" + encode(target.tokenClient()) + "&username=" + encode(user)
                + "&password=" + encode(user + "-password");
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(target.keycloakIssuer() + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + user + ": " + answer.statusCode() + " " + answer.body());
            }
            var json = JsonMapper.shared().readTree(answer.body());
            long lifetime = json.get("expires_in").asLong();
            return new Held(json.get("access_token").asString(), Instant.now().plus(Duration.ofSeconds(Math.max(10, lifetime - 60))));
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
