package org.medicore.notification.adapter.out.sms;

import org.medicore.notification.config.NotificationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** SMS on one machine: written to medicore.notification.sms.file. */
@Configuration(proxyBeanMethods = false)
public class SmsConfiguration {

    @Bean
    SmsFile smsFile(NotificationProperties properties, Clock clock) {
        return new SmsFile(properties.sms().file(), clock);
    }
}
