package org.medicore.bff.grpc;

import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import org.medicore.support.health.ChannelHealth;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.util.Map;
import java.util.TreeMap;

/**
 * The domain services as the BFF's channels see them. The BFF is unready only when none of them
 * answers: with one down, queries still return partial results with an error on the failing
 * fields, which beats taking the whole API away.
 */
final class ServicesHealth implements HealthIndicator {

    private final Map<String, ManagedChannel> channels;

    ServicesHealth(Map<String, ManagedChannel> channels) {
        this.channels = Map.copyOf(channels);
    }

    @Override
    public Health health() {
        Map<String, ConnectivityState> states = new TreeMap<>();
        channels.forEach((service, channel) -> states.put(service, channel.getState(true)));
        boolean anyReachable = states.values().stream().anyMatch(ChannelHealth::reachable);
        return (anyReachable ? Health.up() : Health.down()).withDetails(states).build();
    }
}
