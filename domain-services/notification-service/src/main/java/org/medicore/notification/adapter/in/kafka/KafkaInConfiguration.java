package org.medicore.notification.adapter.in.kafka;

import org.medicore.support.kafka.OutageBackOff;
import org.medicore.support.kafka.UnreadableEvent;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.medicore.notification.application.port.in.RecordNotificationEvents;
import org.medicore.notification.config.NotificationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import java.nio.charset.StandardCharsets;

/**
 * Event consumption as billing-service does it: the listener, an error handler that retries and
 * then dead-letters (with the reason in {@code dlq-reason}), and the dead-letter topic.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaInConfiguration {

    static final String REASON = "dlq-reason";

    @Bean
    NotificationEventListener notificationEventListener(RecordNotificationEvents events) {
        return new NotificationEventListener(events);
    }

    @Bean
    DefaultErrorHandler notificationEventErrorHandler(KafkaTemplate<String, String> kafka,
                                                      NotificationProperties properties) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
                (record, failure) -> new TopicPartition(properties.topics().deadLetter(), -1));
        deadLetters.setHeadersFunction((record, failure) -> {
            RecordHeaders headers = new RecordHeaders();
            Throwable cause = failure.getCause() == null ? failure : failure.getCause();
            headers.add(REASON, (cause.getClass().getSimpleName() + ": " + cause.getMessage())
                    .getBytes(StandardCharsets.UTF_8));
            return headers;
        });
        NotificationProperties.Retry retry = properties.eventRetry();
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters,
                new FixedBackOff(retry.interval().toMillis(), Math.max(0, retry.attempts() - 1)));
        handler.addNotRetryableExceptions(UnreadableEvent.class);
        handler.setBackOffFunction((record, failure) -> OutageBackOff.forFailure(failure));
        return handler;
    }

    @Bean
    NewTopic notificationDeadLetterTopic(NotificationProperties properties) {
        return TopicBuilder.name(properties.topics().deadLetter()).partitions(3).build();
    }
}
