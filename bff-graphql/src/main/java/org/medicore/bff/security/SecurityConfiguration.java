package org.medicore.bff.security;

import org.medicore.support.security.RealmRoles;
import org.springframework.boot.graphql.autoconfigure.GraphQlCorsProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The BFF is an OAuth2 resource server of realm {@code medicore}: issuer, audience, expiry and
 * signature (JWKS) are checked by Spring Security from {@code application.yaml}; a request with
 * a bad token is refused with 401. {@code /graphql} admits requests without a token because a new
 * patient registers without one: {@code CallerInterceptor} lets such a request run only
 * {@code registerPatient}.
 * <p>
 * CORS is answered in the filter chain, before the token is checked, with the portal's origins
 * of {@code spring.graphql.cors}: a refusal (401, 403) then carries the CORS headers too, so the
 * portal can tell an ended session from an outage.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, CorsConfigurationSource portalOrigins) throws Exception {
        return http
                .cors(cors -> cors.configurationSource(portalOrigins))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/graphql").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(realmRoleConverter())))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    CorsConfigurationSource portalOrigins(GraphQlProperties graphQl, GraphQlCorsProperties cors) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration(graphQl.getHttp().getPath(), cors.toCorsConfiguration());
        return source;
    }

    @Bean
    JwtAuthenticationConverter realmRoleConverter() {
        return RealmRoles.authenticationConverter();
    }
}
