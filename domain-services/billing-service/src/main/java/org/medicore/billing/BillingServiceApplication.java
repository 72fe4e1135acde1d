package org.medicore.billing;

import org.medicore.billing.adapter.in.grpc.GrpcConfiguration;
import org.medicore.billing.adapter.in.kafka.KafkaInConfiguration;
import org.medicore.billing.adapter.out.jooq.JooqConfiguration;
import org.medicore.billing.adapter.out.kafka.KafkaOutConfiguration;
import org.medicore.billing.config.BillingServiceConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** billing-service: every bean comes from the listed configurations; nothing is component-scanned. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({BillingServiceConfiguration.class, JooqConfiguration.class, KafkaOutConfiguration.class,
        KafkaInConfiguration.class, GrpcConfiguration.class})
public class BillingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(BillingServiceApplication.class, args);
    }
}
