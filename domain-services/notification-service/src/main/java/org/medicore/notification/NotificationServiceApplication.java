package org.medicore.notification;

import org.medicore.notification.adapter.in.grpc.GrpcConfiguration;
import org.medicore.notification.adapter.in.kafka.KafkaInConfiguration;
import org.medicore.notification.adapter.in.web.WebConfiguration;
import org.medicore.notification.adapter.out.jooq.JooqConfiguration;
import org.medicore.notification.adapter.out.mail.MailConfiguration;
import org.medicore.notification.adapter.out.patient.PatientClientConfiguration;
import org.medicore.notification.adapter.out.sms.SmsConfiguration;
import org.medicore.notification.adapter.out.template.TemplateConfiguration;
import org.medicore.notification.adapter.out.token.TokenConfiguration;
import org.medicore.notification.config.NotificationServiceConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** notification-service: every bean comes from the listed configurations; nothing is component-scanned. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({NotificationServiceConfiguration.class, JooqConfiguration.class, TemplateConfiguration.class,
        MailConfiguration.class, SmsConfiguration.class, PatientClientConfiguration.class, KafkaInConfiguration.class,
        GrpcConfiguration.class, WebConfiguration.class, TokenConfiguration.class})
public class NotificationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationServiceApplication.class, args);
    }
}
