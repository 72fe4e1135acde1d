package org.medicore.bff.live;

import org.medicore.support.kafka.KafkaClientSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

@Configuration
@EnableConfigurationProperties(LiveSettings.class)
class LiveConfiguration {

    @Bean
    LiveEvents liveEvents(LiveSettings settings, KafkaClientSettings clients) {
        return new LiveEvents(settings, clients);
    }

    @Bean
    Dashboard dashboard(RestClient.Builder http, LiveSettings settings) {
        return new Dashboard(http.clone().baseUrl(settings.analyticsUrl()).build(), settings.clinicId());
    }
}
