package org.medicore.lab.adapter.out.patient;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Client-credentials access tokens of the partner client from Keycloak's token endpoint, reused until shortly before expiry. */
final class PartnerTokens {

    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI tokenEndpoint;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    PartnerTokens(URI tokenEndpoint, String clientId, String clientSecret, Clock clock) {
        this.tokenEndpoint = tokenEndpoint;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
    }

    synchronized String accessToken() {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            fetch();
        }
        return token;
    }

    private void fetch() {
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret=" + encode(clientSecret);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the token endpoint refused the partner client: HTTP " + response.statusCode());
            }
            Map<String, Object> body = JSONObjectUtils.parse(response.body());
            Instant now = clock.instant();
            token = (String) body.get("access_token");
            long expiresIn = ((Number) body.getOrDefault("expires_in", 60)).longValue();
            renewAt = now.plusSeconds(expiresIn).minus(RENEW_BEFORE_EXPIRY);
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("no token from " + tokenEndpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching a token", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
