package org.medicore.support.security;

import io.grpc.BindableService;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Every gRPC server that depends on service-support checks the bearer token of each call the same
 * way, with the token decoder the service defines (its issuer, keys and audience).
 */
@AutoConfiguration
@ConditionalOnBean({BindableService.class, JwtDecoder.class})
public class TokenCheckConfiguration {

    @Bean
    @GlobalServerInterceptor
    @Order(BearerTokenCheck.ORDER)
    BearerTokenCheck bearerTokenCheck(JwtDecoder tokens) {
        return new BearerTokenCheck(tokens);
    }
}
