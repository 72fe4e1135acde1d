package org.medicore.bff.registration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

import java.time.Clock;

@Configuration
@EnableConfigurationProperties({KeycloakSettings.class, RegistrationSettings.class})
class RegistrationConfiguration {

    @Bean
    KeycloakAccounts keycloakAccounts(RestClient.Builder http, KeycloakSettings settings, RegistrationSettings registration) {
        return new KeycloakAccounts(http, settings, registration.retryWindow(), Clock.systemUTC());
    }
}
