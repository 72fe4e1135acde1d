package org.medicore.lab.adapter.in.grpc;

import org.medicore.lab.application.port.in.ConfirmUpload;
import org.medicore.lab.application.port.in.GetReportStatus;
import org.medicore.lab.application.port.in.ListResultsByPatient;
import org.medicore.lab.application.port.in.ProcessLabReport;
import org.medicore.lab.application.port.in.RequestUploadUrl;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The gRPC adapter's wiring: the endpoint, the local trigger's worker and the bearer-token check.
 * Off where no gRPC server runs (the Lambda).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.grpc.server.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(GrpcConfiguration.SecurityProperties.class)
public class GrpcConfiguration {

    /** Keycloak realm issuer, its signing keys and the audience every token must carry. */
    @ConfigurationProperties("medicore.lab.security")
    public record SecurityProperties(String issuer, String jwkSetUri, String audience) {
    }

    @Bean(destroyMethod = "close")
    LocalUploadTrigger localUploadTrigger(ProcessLabReport processLabReport) {
        ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("lab-report-processing").factory());
        return new LocalUploadTrigger(processLabReport, worker);
    }

    @Bean
    LabGrpcEndpoint labGrpcEndpoint(RequestUploadUrl requestUploadUrl, ConfirmUpload confirmUpload,
                                    GetReportStatus getReportStatus, ListResultsByPatient listResultsByPatient,
                                    LocalUploadTrigger localUploadTrigger) {
        return new LabGrpcEndpoint(requestUploadUrl, confirmUpload, getReportStatus, listResultsByPatient,
                localUploadTrigger);
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

    /** Keycloak's realm roles (realm_access.roles) as ROLE_ authorities. */
    static AbstractAuthenticationToken withRealmRoles(Jwt jwt) {
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        Object roles = realmAccess == null ? List.of() : realmAccess.getOrDefault("roles", List.of());
        List<SimpleGrantedAuthority> authorities = roles instanceof Collection<?> names
                ? names.stream().map(name -> new SimpleGrantedAuthority("ROLE_" + name)).toList()
                : List.of();
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }
}
