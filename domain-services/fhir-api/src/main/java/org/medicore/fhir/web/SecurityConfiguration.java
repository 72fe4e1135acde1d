package org.medicore.fhir.web;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletResponse;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.medicore.support.audit.RecordAccess;
import org.medicore.support.security.RealmRoles;
import org.medicore.support.security.RealmTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.io.IOException;
import java.time.Clock;

/**
 * The FHIR API is an OAuth2 resource server of realm {@code medicore}, checking tokens as the
 * services do (signature by the realm's keys, issuer, expiry, audience: service-support's
 * {@link RealmTokens}). Every resource needs a token carrying one of MediCore's realm roles; which
 * records it opens is the services' decision. The CapabilityStatement and the SMART configuration are open. Refusals are
 * OperationOutcomes too: login (401) and forbidden (403). A token with SMART scopes reads only ({@link SmartScopes}).
 * Every other request, refused or not, is audited ({@link InteractionAudit}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    private static final String[] ROLES = {"PATIENT", "DOCTOR", "BILLING", "ADMIN"};

    @Bean
    SecurityFilterChain fhirApi(HttpSecurity http, RecordAccess auditTrail, Clock clock) throws Exception {
        return http
                .addFilterBefore(new InteractionAudit(auditTrail, clock), BearerTokenAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(FhirPaths.BASE + "/metadata", FhirPaths.BASE + "/.well-known/smart-configuration").permitAll()
                        // the system's bulk export is the clinic's, not a record the services guard one by one
                        .requestMatchers(FhirPaths.BASE + "/$export").hasRole("ADMIN")
                        // the audit trail names every caller and every patient touched: the administrators' view
                        .requestMatchers(FhirPaths.BASE + "/AuditEvent", FhirPaths.BASE + "/AuditEvent/**").hasRole("ADMIN")
                        // an import records clinical data, which patient-service lets DOCTOR and ADMIN record only: refused
                        // here, before any write, a patient's or billing clerk's Bundle is not half stored
                        .requestMatchers(HttpMethod.POST, FhirPaths.BASE).access(AuthorizationManagers.allOf(
                                AuthorityAuthorizationManager.hasAnyRole("DOCTOR", "ADMIN"), SmartScopes.notReadOnly()))
                        // an app's token (one with SMART scopes) reads only
                        .requestMatchers((RequestMatcher) SmartScopes::changes).access(AuthorizationManagers.allOf(
                                AuthorityAuthorizationManager.hasAnyRole(ROLES), SmartScopes.notReadOnly()))
                        .requestMatchers(FhirPaths.BASE + "/**").hasAnyRole(ROLES)
                        .anyRequest().denyAll())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(RealmRoles.authenticationConverter()))
                        .authenticationEntryPoint((request, response, refused) -> refuse(response,
                                HttpServletResponse.SC_UNAUTHORIZED, OperationOutcome.IssueType.LOGIN,
                                "a bearer token of the realm medicore is required")))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, refused) -> refuse(response,
                                HttpServletResponse.SC_UNAUTHORIZED, OperationOutcome.IssueType.LOGIN,
                                "a bearer token of the realm medicore is required"))
                        .accessDeniedHandler((request, response, denied) -> refuse(response,
                                HttpServletResponse.SC_FORBIDDEN, OperationOutcome.IssueType.FORBIDDEN,
                                "the token's realm roles do not open this request")))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    JwtDecoder jwtDecoder(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
                          @Value("${spring.security.oauth2.resourceserver.jwt.audiences}") String audience) {
        return RealmTokens.issuerDecoder(issuer, audience);
    }

    private static void refuse(HttpServletResponse response, int status, OperationOutcome.IssueType type, String why)
            throws IOException {
        response.setStatus(status);
        response.setContentType(FhirJsonConverter.FHIR_JSON.toString());
        FhirContext.forR4Cached().newJsonParser().encodeResourceToWriter(OperationOutcomes.outcome(type, why, null), response.getWriter());
    }
}
