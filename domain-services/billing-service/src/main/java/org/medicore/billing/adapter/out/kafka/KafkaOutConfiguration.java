package org.medicore.billing.adapter.out.kafka;

import org.medicore.support.kafka.KafkaClientSettings;
import org.medicore.billing.config.BillingProperties;
import org.medicore.support.outbox.KafkaOutboxPublisher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ProducerFactory;

/** Publishing billing events: their wire format and the producer; and how many wait on the dead-letter topic. */
@Configuration(proxyBeanMethods = false)
public class KafkaOutConfiguration {

    @Bean
    ProtoJsonEvents eventFormat() {
        return new ProtoJsonEvents();
    }

    @Bean
    KafkaOutboxPublisher billingEventPublisher(ProducerFactory<String, String> producers, BillingProperties properties) {
        return new KafkaOutboxPublisher(producers::createProducer, properties.topics().billing(),
                properties.outbox().ackTimeout());
    }

    @Bean(destroyMethod = "close")
    DeadLetterSize deadLetterSize(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
                                  KafkaClientSettings clients, BillingProperties properties) {
        return new DeadLetterSize(bootstrapServers, clients, properties.topics().deadLetter());
    }
}
