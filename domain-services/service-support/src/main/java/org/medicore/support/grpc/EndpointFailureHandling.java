package org.medicore.support.grpc;

import io.grpc.BindableService;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

/**
 * Every gRPC server that depends on service-support answers a failure its endpoint let through the same way.
 * After Spring gRPC's security handler, so an unordered tie still leaves it the failures of a token check.
 */
@AutoConfiguration(afterName = "org.springframework.boot.grpc.server.autoconfigure.security.GrpcServerSecurityAutoConfiguration")
@ConditionalOnBean(BindableService.class)
public class EndpointFailureHandling {

    @Bean
    EndpointFailureHandler endpointFailureHandler() {
        return new EndpointFailureHandler();
    }
}
