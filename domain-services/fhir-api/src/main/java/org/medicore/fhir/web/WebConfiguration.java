package org.medicore.fhir.web;

import ca.uhn.fhir.context.FhirContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;

/** HAPI's R4 context (built once: it is costly and thread-safe) and its JSON writer as Spring MVC's converter of resources. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FhirSettings.class)
class WebConfiguration implements WebMvcConfigurer {

    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
        converters.addCustomConverter(new FhirJsonConverter(FhirContext.forR4Cached()));
    }
}
