package org.medicore.notification.adapter.out.sms;

import org.medicore.notification.config.NotificationProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.sns.SnsClient;

import java.time.Clock;
import java.util.Optional;

/**
 * SMS by medicore.notification.sms.provider: written to medicore.notification.sms.file (file, the
 * default: one machine) or published through Amazon SNS (sns).
 */
@Configuration(proxyBeanMethods = false)
public class SmsConfiguration {

    @Bean
    @ConditionalOnProperty(name = "medicore.notification.sms.provider", havingValue = "file", matchIfMissing = true)
    SmsFile smsFile(NotificationProperties properties, Clock clock) {
        return new SmsFile(properties.sms().file(), clock);
    }

    @Bean
    @ConditionalOnProperty(name = "medicore.notification.sms.provider", havingValue = "sns")
    SnsSms snsSms(SnsClient sns, NotificationProperties properties) {
        NotificationProperties.Sns settings = properties.sms().sns();
        return new SnsSms(sns, settings.smsType(),
                Optional.ofNullable(settings.senderId()).filter(id -> !id.isBlank()));
    }
}
