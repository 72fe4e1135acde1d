package org.medicore.patient.adapter.out.keycloak;

import org.medicore.support.security.ClientCredentialsTokens;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.URI;
import java.time.Clock;

/** Patients' logins, as the erasure deletes them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeycloakConfiguration.AccountsProperties.class)
public class KeycloakConfiguration {

    /**
     * @param keycloakUrl  Keycloak's base URL ({@code http://localhost:18080})
     * @param realm        the realm of the patients' logins
     * @param clientId     a confidential client whose service account may only manage users
     * @param clientSecret its secret
     */
    @ConfigurationProperties("medicore.patient.accounts")
    public record AccountsProperties(String keycloakUrl, String realm, String clientId, String clientSecret) {
    }

    @Bean
    KeycloakAccounts keycloakAccounts(AccountsProperties properties, Clock clock) {
        URI tokenEndpoint = URI.create(properties.keycloakUrl() + "/realms/" + properties.realm() + "/protocol/openid-connect/token");
        return new KeycloakAccounts(URI.create(properties.keycloakUrl() + "/admin/realms/" + properties.realm()),
                new ClientCredentialsTokens(tokenEndpoint, properties.clientId(), properties.clientSecret(), clock));
    }
}
