package org.medicore.bff.security;

import org.medicore.support.security.RealmTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The realm's token check, shared by the resource server's filter and {@code CallerInterceptor}:
 * both see every request's token, and the first verifies it while the second finds it remembered,
 * so a token costs one RSA check for its lifetime instead of two per request.
 */
@Configuration(proxyBeanMethods = false)
class TokenCheckConfiguration {

    @Bean
    JwtDecoder jwtDecoder(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
                          @Value("${spring.security.oauth2.resourceserver.jwt.audiences}") String audience) {
        return RealmTokens.issuerDecoder(issuer, audience);
    }
}
