package org.medicore.support.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.HashMap;
import java.util.Map;

/**
 * What every Kafka client of a service shares beyond its own settings: how it authenticates. In
 * AWS, MSK admits IAM-authenticated clients only ({@code security.protocol=SASL_SSL},
 * {@code sasl.mechanism=AWS_MSK_IAM} and aws-msk-iam-auth's login module and callback handler);
 * on one machine nothing is needed. It is read from the same place Spring for Apache Kafka reads
 * its clients' extra settings, {@code spring.kafka.properties.*}, so one setting reaches every
 * client: Spring's, the hand-built producers and consumers, and the admin clients of the health
 * checks and gauges.
 */
@ConfigurationProperties("spring.kafka")
public record KafkaClientSettings(Map<String, String> properties) {

    public static final KafkaClientSettings NONE = new KafkaClientSettings(Map.of());

    public KafkaClientSettings {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    /** A client's own settings on top of the shared ones. */
    public Map<String, Object> with(Map<String, Object> own) {
        Map<String, Object> merged = new HashMap<>(properties);
        merged.putAll(own);
        return merged;
    }
}
