package org.medicore.bff.registration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.client.RestClient;

import java.time.Clock;

@Configuration
@EnableConfigurationProperties({KeycloakSettings.class, RegistrationSettings.class, RegistrationLimits.class})
class RegistrationConfiguration {

    @Bean
    KeycloakAccounts keycloakAccounts(RestClient.Builder http, KeycloakSettings settings, RegistrationSettings registration) {
        return new KeycloakAccounts(http, settings, registration.retryWindow(), Clock.systemUTC());
    }

    /** Right after the request size limit, before the token check and GraphQL read anything. */
    @Bean
    FilterRegistrationBean<SignUpThrottle> signUpThrottle(RegistrationLimits limits) {
        FilterRegistrationBean<SignUpThrottle> registration = new FilterRegistrationBean<>(
                new SignUpThrottle(limits, Clock.systemUTC()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
