package org.medicore.support.validation;

import io.grpc.BindableService;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.grpc.server.service.GrpcServiceConfigurer;

/** Every gRPC server that depends on service-support refuses control characters and text that is not UTF-8 the same way. */
@AutoConfiguration
@ConditionalOnBean(BindableService.class)
@ConditionalOnProperty(name = "spring.grpc.server.enabled", matchIfMissing = true)
public class PlainTextConfiguration {

    /**
     * Every service the server offers reads its requests through {@link UnreadableRequests}, so
     * text that is not UTF-8 is refused by the interceptor instead of failing as UNKNOWN.
     */
    @Bean
    static BeanPostProcessor unreadableRequestsRefused() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof GrpcServiceConfigurer services) {
                    return (GrpcServiceConfigurer) (service, factory) ->
                            UnreadableRequests.readingSafely(services.configure(service, factory));
                }
                return bean;
            }
        };
    }

    @Bean
    @GlobalServerInterceptor
    @Order(Ordered.LOWEST_PRECEDENCE)
    PlainTextInterceptor plainTextInterceptor() {
        return new PlainTextInterceptor();
    }
}
