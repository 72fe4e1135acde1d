package org.medicore.support.security;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.grpc.CallCredentials;
import io.grpc.Metadata;
import io.grpc.Status;
import org.medicore.support.port.Unreachable;

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
import java.util.concurrent.Executor;

/**
 * A confidential client's access tokens by the client-credentials grant from Keycloak's token
 * endpoint, reused until shortly before expiry: how one MediCore process calls another's gRPC API.
 */
public final class ClientCredentialsTokens {

    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(30);
    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI tokenEndpoint;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    public ClientCredentialsTokens(URI tokenEndpoint, String clientId, String clientSecret, Clock clock) {
        this.tokenEndpoint = tokenEndpoint;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
    }

    public synchronized String accessToken() {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            fetch();
        }
        return token;
    }

    /** The token as {@code authorization: Bearer ...} on every call; a call without one fails UNAUTHENTICATED. */
    public CallCredentials asCallCredentials() {
        return new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo requestInfo, Executor executor, MetadataApplier applier) {
                executor.execute(() -> {
                    try {
                        Metadata headers = new Metadata();
                        headers.put(AUTHORIZATION, "Bearer " + accessToken());
                        applier.apply(headers);
                    } catch (Unreachable e) {
                        applier.fail(Status.UNAVAILABLE.withDescription("Keycloak gives no token for client " + clientId + " now").withCause(e));
                    } catch (RuntimeException e) {
                        applier.fail(Status.UNAUTHENTICATED.withDescription("no token for client " + clientId).withCause(e));
                    }
                });
            }
        };
    }

    private void fetch() {
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret=" + encode(clientSecret);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (Unreachable.meansUnreachable(response.statusCode())) {
                throw new Unreachable("the token endpoint cannot serve client " + clientId + " now: HTTP " + response.statusCode());
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the token endpoint refused client " + clientId + ": HTTP " + response.statusCode());
            }
            Map<String, Object> body = JSONObjectUtils.parse(response.body());
            Instant now = clock.instant();
            token = (String) body.get("access_token");
            long expiresIn = ((Number) body.getOrDefault("expires_in", 60)).longValue();
            renewAt = now.plusSeconds(expiresIn).minus(RENEW_BEFORE_EXPIRY);
        } catch (IOException e) {
            throw new Unreachable("no token from " + tokenEndpoint, e);
        } catch (ParseException e) {
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
