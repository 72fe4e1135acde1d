package org.medicore.support.kafka;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The one error handler of the services' event listeners. A failing event is tried
 * {@link EventRetry#attempts()} times in all and then sent to the dead-letter topic with its key,
 * value and headers, Spring's {@code kafka_dlt-*} headers and {@value DeadLetterReplay#REASON} (the
 * chain of causes); the listener goes on with the next one. An {@link UnreadableEvent} no retry can
 * help goes there at once. An event that met a store's outage is not dead-lettered at all: it is
 * tried until the store is back ({@link OutageBackOff}).
 */
public final class EventErrorHandler {

    private EventErrorHandler() {
    }

    public static DefaultErrorHandler of(KafkaOperations<String, String> kafka, DeadLetterPolicy policy) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
                (record, failure) -> new TopicPartition(policy.topic(), -1));
        deadLetters.setHeadersFunction((record, failure) -> {
            RecordHeaders headers = new RecordHeaders();
            headers.add(DeadLetterReplay.REASON, reasonOf(failure).getBytes(StandardCharsets.UTF_8));
            return headers;
        });
        EventRetry retry = policy.retry();
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters,
                new FixedBackOff(retry.interval().toMillis(), retry.attempts() - 1L));
        handler.addNotRetryableExceptions(UnreadableEvent.class);
        handler.setBackOffFunction((record, failure) -> OutageBackOff.forFailure(failure));
        return handler;
    }

    /**
     * The causes under the listener's wrapper, outermost first: what someone has to fix before a replay
     * ({@code IllegalStateException: no fee schedule; caused by SQLException: ...}).
     */
    static String reasonOf(Throwable failure) {
        StringBuilder reason = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure.getCause() == null ? failure : failure.getCause(); cause != null && seen.add(cause);
             cause = cause.getCause()) {
            reason.append(reason.isEmpty() ? "" : "; caused by ")
                    .append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return reason.toString();
    }
}
