package org.medicore.patient.adapter.out.keycloak;

import org.medicore.patient.application.port.out.DeletePatientAccount;
import org.medicore.support.port.Unreachable;
import org.medicore.support.security.ClientCredentialsTokens;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Deletes a login through Keycloak's Admin REST API ({@code DELETE /admin/realms/{realm}/users/{id}}) with the token
 * of a service-account client whose only roles are realm-management's user roles. 404 means deleted already; Keycloak
 * down, slow or answering 5xx is {@link Unreachable}, so the approval answers UNAVAILABLE and approving again goes on.
 */
final class KeycloakAccounts implements DeletePatientAccount {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI users;
    private final ClientCredentialsTokens tokens;

    KeycloakAccounts(URI realmAdminUrl, ClientCredentialsTokens tokens) {
        this.users = URI.create(realmAdminUrl + "/users/");
        this.tokens = tokens;
    }

    @Override
    public void delete(String accountSubject) {
        URI user = users.resolve(URLEncoder.encode(accountSubject, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(user).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + tokens.accessToken()).DELETE().build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new Unreachable("Keycloak could not be reached to delete an account", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while deleting an account", e);
        }
        if (Unreachable.meansUnreachable(status)) {
            throw new Unreachable("Keycloak cannot delete an account now: HTTP " + status);
        }
        if (status != 204 && status != 404) {
            throw new IllegalStateException("Keycloak refused to delete an account: HTTP " + status);
        }
    }
}
