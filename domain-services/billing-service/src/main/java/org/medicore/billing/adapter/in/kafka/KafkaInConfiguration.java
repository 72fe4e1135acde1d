package org.medicore.billing.adapter.in.kafka;

import org.medicore.support.kafka.OutageBackOff;
import org.medicore.support.kafka.UnreadableEvent;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.medicore.billing.application.port.in.ApplyBillingEvents;
import org.medicore.billing.config.BillingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import java.nio.charset.StandardCharsets;

/**
 * Event consumption: the listener, the error handler that retries and then dead-letters, the
 * dead-letter topic and its replay (run the service with --replay-dead-letters).
 */
@Configuration(proxyBeanMethods = false)
public class KafkaInConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaInConfiguration.class);

    @Bean
    BillingEventListener billingEventListener(ApplyBillingEvents events) {
        return new BillingEventListener(events);
    }

    @Bean
    DefaultErrorHandler billingEventErrorHandler(KafkaTemplate<String, String> kafka, BillingProperties properties) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
                (record, failure) -> new TopicPartition(properties.topics().deadLetter(), -1));
        deadLetters.setHeadersFunction((record, failure) -> {
            RecordHeaders headers = new RecordHeaders();
            headers.add(DeadLetterReplay.REASON, reasonOf(failure).getBytes(StandardCharsets.UTF_8));
            return headers;
        });
        BillingProperties.Retry retry = properties.retry();
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters,
                new FixedBackOff(retry.interval().toMillis(), Math.max(0, retry.attempts() - 1)));
        handler.addNotRetryableExceptions(UnreadableEvent.class);
        handler.setBackOffFunction((record, failure) -> OutageBackOff.forFailure(failure));
        return handler;
    }

    @Bean
    NewTopic billingDeadLetterTopic(BillingProperties properties) {
        return TopicBuilder.name(properties.topics().deadLetter()).partitions(3).build();
    }

    @Bean
    public DeadLetterReplay deadLetterReplay(ConsumerFactory<String, String> consumers,
                                             KafkaTemplate<String, String> kafka, BillingProperties properties) {
        return new DeadLetterReplay(consumers, kafka, properties.topics().deadLetter());
    }

    @Bean
    ApplicationRunner deadLetterReplayCommand(DeadLetterReplay replay) {
        return arguments -> {
            if (arguments.containsOption("replay-dead-letters")) {
                log.info("replayed {} dead letters", replay.replay());
            }
        };
    }

    /** The causes under the listener's wrapper, outermost first: what to fix before a replay. */
    private static String reasonOf(Throwable failure) {
        StringBuilder reason = new StringBuilder();
        for (Throwable cause = failure.getCause() == null ? failure : failure.getCause(); cause != null;
             cause = cause.getCause() == cause ? null : cause.getCause()) {
            reason.append(reason.isEmpty() ? "" : "; caused by ")
                    .append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return reason.toString();
    }
}
