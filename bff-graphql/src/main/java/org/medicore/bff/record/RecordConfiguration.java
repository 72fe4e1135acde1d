package org.medicore.bff.record;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

@Configuration
@EnableConfigurationProperties(FhirSettings.class)
class RecordConfiguration {

    @Bean
    FhirApiRecords fhirApiRecords(RestClient.Builder http, FhirSettings settings) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory();
        requests.setReadTimeout(settings.timeout());
        return new FhirApiRecords(http.clone().baseUrl(settings.baseUrl()).requestFactory(requests).build());
    }
}
