package org.medicore.notification.adapter.in.grpc;

import org.medicore.notification.application.port.in.ListSentMessages;
import org.medicore.notification.application.port.in.ManageMessagePreferences;
import org.medicore.notification.config.NotificationProperties;
import org.medicore.support.security.RealmTokens;
import org.medicore.support.time.DatabaseTime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** The gRPC endpoint and the token decoder service-support's bearer-token check uses on every call. */
@Configuration(proxyBeanMethods = false)
public class GrpcConfiguration {

    @Bean
    NotificationGrpcEndpoint notificationGrpcEndpoint(ListSentMessages sentMessages,
                                                      ManageMessagePreferences preferences) {
        return new NotificationGrpcEndpoint(sentMessages, preferences);
    }

    /** Keycloak tokens: signature by the realm's JWKS, issuer, expiry and our audience. */
    @Bean
    JwtDecoder notificationTokenDecoder(NotificationProperties properties, DatabaseTime time) {
        NotificationProperties.Security security = properties.security();
        return RealmTokens.decoder(security.issuer(), security.jwkSetUri(), security.audience(), time.clock());
    }
}
