package org.medicore.bff.registration;

import org.medicore.bff.error.InvalidArgument;
import org.medicore.bff.grpc.RelayCredentials;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Portal accounts in the realm, through Keycloak's admin REST API with the BFF's service account,
 * whose token also vouches for the end user's address relayed to the services.
 */
class KeycloakAccounts implements RelayCredentials {

    private final RestClient http;
    private final KeycloakSettings settings;
    private final Clock clock;
    private String serviceToken;
    private Instant serviceTokenExpires = Instant.MIN;

    KeycloakAccounts(RestClient.Builder http, KeycloakSettings settings, Clock clock) {
        this.http = http.baseUrl(settings.baseUrl()).build();
        this.settings = settings;
        this.clock = clock;
    }

    /** Creates an enabled account with the PATIENT role; returns its subject. */
    String createPatientAccount(NewAccount account) {
        URI created;
        try {
            created = http.post().uri("/admin/realms/{realm}/users", settings.realm())
                    .headers(h -> h.setBearerAuth(serviceToken()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("username", account.email(), "email", account.email(),
                            "firstName", account.given(), "lastName", account.family(),
                            "enabled", true, "emailVerified", false,
                            "credentials", List.of(Map.of("type", "password", "value", account.password(), "temporary", false))))
                    .retrieve().toBodilessEntity().getHeaders().getLocation();
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode() == HttpStatus.CONFLICT) {
                throw new InvalidArgument("input.email", "an account with this e-mail address exists already");
            }
            if (e.getStatusCode() == HttpStatus.BAD_REQUEST) {
                throw AccountRefusal.of(e.getResponseBodyAs(Map.class));
            }
            throw e;
        }
        String subject = created.getPath().substring(created.getPath().lastIndexOf('/') + 1);
        try {
            Map<?, ?> role = http.get().uri("/admin/realms/{realm}/roles/PATIENT", settings.realm())
                    .headers(h -> h.setBearerAuth(serviceToken())).retrieve().body(Map.class);
            http.post().uri("/admin/realms/{realm}/users/{id}/role-mappings/realm", settings.realm(), subject)
                    .headers(h -> h.setBearerAuth(serviceToken()))
                    .contentType(MediaType.APPLICATION_JSON).body(List.of(role)).retrieve().toBodilessEntity();
        } catch (RuntimeException e) {
            delete(subject);
            throw e;
        }
        return subject;
    }

    void delete(String subject) {
        http.delete().uri("/admin/realms/{realm}/users/{id}", settings.realm(), subject)
                .headers(h -> h.setBearerAuth(serviceToken())).retrieve().toBodilessEntity();
    }

    @Override
    public Optional<String> token() {
        try {
            return Optional.of(serviceToken());
        } catch (RestClientException unreachable) {
            return Optional.empty();
        }
    }

    /** The service account's token, reused until shortly before it expires. */
    synchronized String serviceToken() {
        if (clock.instant().isAfter(serviceTokenExpires)) {
            LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("grant_type", "client_credentials");
            form.add("client_id", settings.clientId());
            form.add("client_secret", settings.clientSecret());
            Map<?, ?> token = http.post().uri("/realms/{realm}/protocol/openid-connect/token", settings.realm())
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve().body(Map.class);
            serviceToken = (String) token.get("access_token");
            serviceTokenExpires = clock.instant().plusSeconds(((Number) token.get("expires_in")).longValue() - 30);
        }
        return serviceToken;
    }

    record NewAccount(String email, String given, String family, String password) {
    }
}
