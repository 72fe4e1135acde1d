package org.medicore.notification.adapter.out.token;

import org.medicore.notification.config.NotificationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The unsubscribe links' tokens, signed with the configured secret and read with it or a previous one. */
@Configuration(proxyBeanMethods = false)
public class TokenConfiguration {

    /** The service does not start without a secret of at least 32 bytes: no link is signed with a guessable one. */
    @Bean
    HmacUnsubscribeTokens unsubscribeTokens(NotificationProperties properties) {
        NotificationProperties.Unsubscribe unsubscribe = properties.unsubscribe();
        if (unsubscribe == null || unsubscribe.secret() == null || unsubscribe.secret().isBlank()) {
            throw new IllegalStateException("medicore.notification.unsubscribe.secret is not set: the unsubscribe links"
                    + " of messages are signed with it (at least " + HmacUnsubscribeTokens.MIN_SECRET_BYTES + " bytes)");
        }
        return new HmacUnsubscribeTokens(unsubscribe.secret(), unsubscribe.previousSecrets(), unsubscribe.validity());
    }
}
