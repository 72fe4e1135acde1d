package org.medicore.notification.adapter.out.template;

import org.medicore.notification.config.NotificationProperties;
import org.medicore.notification.application.port.out.IssueUnsubscribeTokens;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Messages rendered from the template files. */
@Configuration(proxyBeanMethods = false)
public class TemplateConfiguration {

    @Bean
    MustacheMessages mustacheMessages(NotificationProperties properties, IssueUnsubscribeTokens tokens, Clock clock) {
        NotificationProperties.Payment payment = properties.payment();
        return new MustacheMessages(new MustacheMessages.Clinic(properties.clinic().name(),
                properties.clinic().portalUrl(), properties.mail().from(), payment.accountHolder(), payment.iban(),
                payment.bic()), new UnsubscribeLinks(properties.unsubscribe().url(),
                properties.unsubscribe().smsUrl(), tokens, clock), clock);
    }
}
