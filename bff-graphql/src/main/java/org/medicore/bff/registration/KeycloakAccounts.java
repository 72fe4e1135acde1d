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
import java.time.Duration;
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
    private final Duration retryWindow;
    private final Clock clock;
    private String serviceToken;
    private Instant serviceTokenExpires = Instant.MIN;

    KeycloakAccounts(RestClient.Builder http, KeycloakSettings settings, Duration retryWindow, Clock clock) {
        this.http = http.baseUrl(settings.baseUrl()).build();
        this.settings = settings;
        this.retryWindow = retryWindow;
        this.clock = clock;
    }

    /** The patient's account: a new one, or one the same person made before (they know its password). */
    sealed interface PatientAccount {
        String subject();

        record Created(String subject) implements PatientAccount {
        }

        /** {@code recent}: made within the retry window, so a repeat now is a retry of that registration. */
        record Existing(String subject, boolean recent) implements PatientAccount {
        }
    }

    /**
     * Creates an enabled account with the PATIENT role. When the e-mail address has an account
     * already and the password opens it, that account is the same person's (a retry): it is
     * answered, with the role made sure of; any other holder of the address is refused.
     */
    PatientAccount patientAccount(NewAccount account) {
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
                PatientAccount.Existing existing = ownAccount(account).orElseThrow(() ->
                        new InvalidArgument("input.email", "an account with this e-mail address exists already"));
                grantPatientRole(existing.subject());
                return existing;
            }
            if (e.getStatusCode() == HttpStatus.BAD_REQUEST) {
                throw AccountRefusal.of(e.getResponseBodyAs(Map.class));
            }
            throw e;
        }
        String subject = created.getPath().substring(created.getPath().lastIndexOf('/') + 1);
        try {
            grantPatientRole(subject);
        } catch (RuntimeException e) {
            delete(subject);
            throw e;
        }
        return new PatientAccount.Created(subject);
    }

    /** Adding a role the account has already changes nothing, so this step may repeat. */
    private void grantPatientRole(String subject) {
        Map<?, ?> role = http.get().uri("/admin/realms/{realm}/roles/PATIENT", settings.realm())
                .headers(h -> h.setBearerAuth(serviceToken())).retrieve().body(Map.class);
        http.post().uri("/admin/realms/{realm}/users/{id}/role-mappings/realm", settings.realm(), subject)
                .headers(h -> h.setBearerAuth(serviceToken()))
                .contentType(MediaType.APPLICATION_JSON).body(List.of(role)).retrieve().toBodilessEntity();
    }

    /** The account of the e-mail address, when the password opens it (a password grant of the BFF's own client). */
    private Optional<PatientAccount.Existing> ownAccount(NewAccount account) {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "password");
        form.add("client_id", settings.clientId());
        form.add("client_secret", settings.clientSecret());
        form.add("username", account.email());
        form.add("password", account.password());
        form.add("scope", "openid");
        try {
            http.post().uri("/realms/{realm}/protocol/openid-connect/token", settings.realm())
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve().toBodilessEntity();
        } catch (HttpClientErrorException wrongPassword) {
            return Optional.empty();
        }
        List<?> users = http.get().uri("/admin/realms/{realm}/users?email={email}&exact=true", settings.realm(), account.email())
                .headers(h -> h.setBearerAuth(serviceToken())).retrieve().body(List.class);
        return users == null ? Optional.empty() : users.stream().map(Map.class::cast).findFirst()
                .map(user -> new PatientAccount.Existing((String) user.get("id"), Instant.ofEpochMilli(
                        ((Number) user.get("createdTimestamp")).longValue()).plus(retryWindow).isAfter(clock.instant())));
    }

    /** Removes an account; one that is gone already is fine, so a compensation may repeat. */
    void delete(String subject) {
        try {
            http.delete().uri("/admin/realms/{realm}/users/{id}", settings.realm(), subject)
                    .headers(h -> h.setBearerAuth(serviceToken())).retrieve().toBodilessEntity();
        } catch (HttpClientErrorException.NotFound gone) {
            // Deleted by an earlier attempt.
        }
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
