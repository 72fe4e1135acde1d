package org.medicore.patient.adapter.in.grpc;

import org.medicore.patient.application.port.in.AddHistoryEntry;
import org.medicore.patient.application.port.in.AttachLabResult;
import org.medicore.patient.application.port.in.GetPatients;
import org.medicore.patient.application.port.in.ListHistory;
import org.medicore.patient.application.port.in.ListLabResults;
import org.medicore.patient.application.port.in.RegisterPatient;
import org.medicore.patient.application.port.in.SearchPatients;
import org.medicore.patient.application.port.in.UpdateDemographics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.grpc.server.security.AuthenticationProcessInterceptor;
import org.springframework.grpc.server.security.GrpcSecurity;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The gRPC adapter's wiring: the endpoint and the bearer-token check every call passes. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GrpcConfiguration.SecurityProperties.class)
public class GrpcConfiguration {

    /**
     * @param issuer            the Keycloak realm's issuer URL, checked on every token
     * @param jwkSetUri         where the realm publishes its signing keys
     * @param audience          the audience every token must carry
     */
    @ConfigurationProperties("medicore.patient.security")
    public record SecurityProperties(String issuer, String jwkSetUri, String audience) {
    }

    @Bean
    PatientGrpcEndpoint patientGrpcEndpoint(RegisterPatient registerPatient, GetPatients getPatients,
                                            SearchPatients searchPatients, UpdateDemographics updateDemographics,
                                            AddHistoryEntry addHistoryEntry, ListHistory listHistory,
                                            AttachLabResult attachLabResult, ListLabResults listLabResults) {
        return new PatientGrpcEndpoint(registerPatient, getPatients, searchPatients, updateDemographics,
                addHistoryEntry, listHistory, attachLabResult, listLabResults);
    }

    @Bean
    @GlobalServerInterceptor
    AuthenticationProcessInterceptor bearerTokenSecurity(GrpcSecurity grpc, JwtDecoder jwtDecoder) throws Exception {
        return grpc.authorizeRequests(requests -> requests.allRequests().authenticated())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(jwtDecoder)
                        .jwtAuthenticationConverter(GrpcConfiguration::withRealmRoles)))
                .build();
    }

    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.contains(properties.audience()))));
        return decoder;
    }

    /** Keycloak puts realm roles under realm_access.roles; they become ROLE_ authorities. */
    static AbstractAuthenticationToken withRealmRoles(Jwt jwt) {
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        Object roles = realmAccess == null ? List.of() : realmAccess.getOrDefault("roles", List.of());
        List<SimpleGrantedAuthority> authorities = roles instanceof Collection<?> names
                ? names.stream().map(name -> new SimpleGrantedAuthority(Callers.ROLE_PREFIX + name)).toList()
                : List.of();
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }
}
