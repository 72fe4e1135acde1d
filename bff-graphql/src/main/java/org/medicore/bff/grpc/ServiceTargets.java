package org.medicore.bff.grpc;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Where the domain services listen ({@code host:port}) and how long a call may take; the
 * defaults are the local stack's.
 */
@ConfigurationProperties("medicore.bff.services")
public record ServiceTargets(@DefaultValue("127.0.0.1:9091") String patient,
                             @DefaultValue("127.0.0.1:9092") String appointment,
                             @DefaultValue("127.0.0.1:9093") String billing,
                             @DefaultValue("127.0.0.1:9094") String lab,
                             @DefaultValue("127.0.0.1:9095") String notification,
                             @DefaultValue("5s") Duration deadline) {
}
