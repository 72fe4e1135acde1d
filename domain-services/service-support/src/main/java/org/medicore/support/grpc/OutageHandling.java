package org.medicore.support.grpc;

import io.grpc.BindableService;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

/** Every gRPC server that depends on service-support answers a store's outage the same way. */
@AutoConfiguration
@ConditionalOnBean(BindableService.class)
public class OutageHandling {

    @Bean
    OutageExceptionHandler outageExceptionHandler() {
        return new OutageExceptionHandler();
    }
}
