package org.medicore.lab.adapter.out.hl7;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.ZoneId;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Hl7Configuration.Hl7Properties.class)
public class Hl7Configuration {

    /** @param timeZone the clinic's zone, for times a lab sends without an offset */
    @ConfigurationProperties("medicore.lab.hl7")
    public record Hl7Properties(ZoneId timeZone) {
    }

    @Bean
    HapiLabMessages hapiLabMessages(Hl7Properties properties) {
        return new HapiLabMessages(properties.timeZone());
    }
}
