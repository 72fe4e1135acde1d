package org.medicore.notification.adapter.in.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.medicore.notification.application.port.in.RecordNotificationEvents;
import org.medicore.notification.config.NotificationProperties;
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
    NotificationEventListener notificationEventListener(RecordNotificationEvents events, MeterRegistry meters) {
        return new NotificationEventListener(events, Counter.builder("medicore.notification.events.after.erasure")
                .description("events about a patient already erased on request, skipped")
                .register(meters));
    }

    @Bean
    DeadLetterPolicy notificationDeadLetters(NotificationProperties properties) {
        return new DeadLetterPolicy(properties.topics().deadLetter(), properties.eventRetry());
    }
}
