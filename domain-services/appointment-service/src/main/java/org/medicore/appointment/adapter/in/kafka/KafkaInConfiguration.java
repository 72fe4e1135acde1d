package org.medicore.appointment.adapter.in.kafka;

import org.medicore.appointment.application.port.in.ErasePatient;
import org.medicore.support.kafka.DeadLetterPolicy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Event consumption: the listener, and where the events it gives up on go; service-support's
 * {@code DeadLetterHandling} wires the error handler that retries and then dead-letters, the
 * dead-letter topic and its replay (run the service with --replay-dead-letters).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PatientEventsProperties.class)
public class KafkaInConfiguration {

    @Bean
    PatientEventListener patientEventListener(ErasePatient erasure) {
        return new PatientEventListener(erasure);
    }

    @Bean
    DeadLetterPolicy appointmentDeadLetters(PatientEventsProperties properties) {
        return new DeadLetterPolicy(properties.deadLetterTopic(), properties.retry());
    }
}
