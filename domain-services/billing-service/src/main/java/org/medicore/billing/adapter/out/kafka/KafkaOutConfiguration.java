package org.medicore.billing.adapter.out.kafka;

import org.medicore.billing.config.BillingProperties;
import org.medicore.support.outbox.KafkaOutboxPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ProducerFactory;

/** Publishing billing events: their wire format and the producer. */
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
}
