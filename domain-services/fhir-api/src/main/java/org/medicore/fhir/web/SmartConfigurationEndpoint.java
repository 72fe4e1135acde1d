package org.medicore.fhir.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.stream.Stream;

/**
 * {@code /fhir/.well-known/smart-configuration}: where a SMART app signs in, i.e. the Keycloak realm
 * the tokens come from, and what the realm offers: Authorization Code with PKCE, client credentials
 * (backend services, bulk export), OpenID Connect's scopes and SMART's read scopes
 * ({@link SmartScopes#OFFERED}, client scopes of the realm). Open without a token, as apps read it first.
 */
@RestController
class SmartConfigurationEndpoint {

    private final SmartConfiguration configuration;

    SmartConfigurationEndpoint(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer) {
        this.configuration = new SmartConfiguration(issuer, issuer + "/protocol/openid-connect/certs",
                issuer + "/protocol/openid-connect/auth", issuer + "/protocol/openid-connect/token",
                List.of("authorization_code", "client_credentials"), List.of("S256"),
                List.of("client_secret_basic", "client_secret_post"), Stream.concat(Stream.of("openid", "profile", "email"), SmartScopes.OFFERED.stream()).toList(),
                List.of("launch-standalone", "client-public", "client-confidential-symmetric", "sso-openid-connect",
                        "permission-patient", "permission-user"));
    }

    @GetMapping(value = FhirPaths.BASE + "/.well-known/smart-configuration", produces = MediaType.APPLICATION_JSON_VALUE)
    SmartConfiguration smartConfiguration() {
        return configuration;
    }

    record SmartConfiguration(String issuer,
                              @JsonProperty("jwks_uri") String jwksUri,
                              @JsonProperty("authorization_endpoint") String authorizationEndpoint,
                              @JsonProperty("token_endpoint") String tokenEndpoint,
                              @JsonProperty("grant_types_supported") List<String> grantTypesSupported,
                              @JsonProperty("code_challenge_methods_supported") List<String> codeChallengeMethodsSupported,
                              @JsonProperty("token_endpoint_auth_methods_supported") List<String> tokenEndpointAuthMethodsSupported,
                              @JsonProperty("scopes_supported") List<String> scopesSupported,
                              List<String> capabilities) {
    }
}
