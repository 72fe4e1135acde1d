package org.medicore.billing.adapter.in.kafka;

import org.medicore.billing.application.port.in.ApplyBillingEvents;
import org.medicore.billing.config.BillingProperties;
import org.medicore.support.kafka.DeadLetterPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Event consumption: the listener, and where the events it gives up on go; service-support's
 * {@code DeadLetterHandling} wires the error handler that retries and then dead-letters, the
 * dead-letter topic and its replay (run the service with --replay-dead-letters).
 */
@Configuration(proxyBeanMethods = false)
public class KafkaInConfiguration {

    @Bean
    BillingEventListener billingEventListener(ApplyBillingEvents events) {
        return new BillingEventListener(events);
    }

    @Bean
    DeadLetterPolicy billingDeadLetters(BillingProperties properties) {
        return new DeadLetterPolicy(properties.topics().deadLetter(), properties.retry());
    }
}
