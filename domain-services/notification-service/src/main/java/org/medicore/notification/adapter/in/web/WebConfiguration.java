package org.medicore.notification.adapter.in.web;

import org.medicore.notification.application.port.in.UnsubscribeByLink;
import org.medicore.notification.config.NotificationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pages patients open from a message, without signing in. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    @Bean
    UnsubscribePage unsubscribePage(UnsubscribeByLink links, NotificationProperties properties) {
        return new UnsubscribePage(links, new UnsubscribePage.Clinic(properties.clinic().name(),
                properties.clinic().portalUrl(), properties.unsubscribe().url()));
    }
}
