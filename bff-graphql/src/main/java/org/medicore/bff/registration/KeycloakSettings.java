package org.medicore.bff.registration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The realm's admin API as the BFF's own confidential client {@code medicore-bff} reaches it:
 * its service account may create users (realm-management manage-users) and acts as a clinician
 * in patient-service to register the new patient's record for the new account.
 */
@ConfigurationProperties("medicore.bff.keycloak")
public record KeycloakSettings(@DefaultValue("http://localhost:18080") String baseUrl,
                               @DefaultValue("medicore") String realm,
                               @DefaultValue("medicore-bff") String clientId,
                               @DefaultValue("medicore-bff-secret") String clientSecret) {
}
