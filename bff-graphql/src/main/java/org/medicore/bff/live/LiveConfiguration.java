package org.medicore.bff.live;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(LiveSettings.class)
class LiveConfiguration {

    @Bean
    LiveEvents liveEvents(LiveSettings settings) {
        return new LiveEvents(settings);
    }
}
