package org.medicore.lab.adapter.in.kafka;

import org.medicore.lab.application.port.in.ErasePatientReports;
import org.medicore.support.kafka.DeadLetterPolicy;
import org.medicore.support.kafka.EventRetry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Event consumption, in the service only (the Lambda handles S3 notifications and consumes nothing): the
 * erasure listener, and where the events it gives up on go; service-support's {@code DeadLetterHandling}
 * wires the error handler that retries and then dead-letters, the dead-letter topic and its replay (run the
 * service with --replay-dead-letters).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableConfigurationProperties(KafkaInConfiguration.Properties.class)
public class KafkaInConfiguration {

    /**
     * @param patientsTopic   where patient-service announces erasures
     * @param deadLetterTopic where the events the listener gives up on go
     * @param retry           how often a failing event is tried before that
     */
    @ConfigurationProperties("medicore.lab.consumer")
    public record Properties(String patientsTopic, String deadLetterTopic, EventRetry retry) {
    }

    @Bean
    PatientErasedListener patientErasedListener(ErasePatientReports erasure) {
        return new PatientErasedListener(erasure);
    }

    @Bean
    DeadLetterPolicy labDeadLetters(Properties properties) {
        return new DeadLetterPolicy(properties.deadLetterTopic(), properties.retry());
    }
}
