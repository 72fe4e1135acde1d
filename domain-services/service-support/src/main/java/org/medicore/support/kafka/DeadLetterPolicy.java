package org.medicore.support.kafka;

/**
 * What a service that consumes events with Spring for Apache Kafka declares, as a bean, to have
 * {@link DeadLetterHandling} wire its listeners' error handler, its dead-letter topic, the replay and
 * the gauge: the topic's name and how often a failing event is tried before it lands there.
 */
public record DeadLetterPolicy(String topic, EventRetry retry) {

    public DeadLetterPolicy {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("a dead-letter topic needs a name");
        }
        if (retry == null) {
            throw new IllegalArgumentException("the retry of " + topic + " is not configured");
        }
    }
}
