package org.medicore.support.kafka;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Makes {@link KafkaClientSettings} available to every service that builds Kafka clients itself. */
@AutoConfiguration
@EnableConfigurationProperties(KafkaClientSettings.class)
public class KafkaClientConfiguration {
}
