package org.medicore.support.health;

import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether a downstream gRPC service can be reached, from its channel's state: a channel that
 * can't connect is in TRANSIENT_FAILURE. Asking for the state also starts a connection when the
 * channel is idle, so the next check knows.
 */
public final class ChannelHealth implements HealthIndicator {

    private final ManagedChannel channel;
    private final String target;

    public ChannelHealth(ManagedChannel channel, String target) {
        this.channel = channel;
        this.target = target;
    }

    @Override
    public Health health() {
        ConnectivityState state = channel.getState(true);
        return (reachable(state) ? Health.up() : Health.down())
                .withDetail("target", target).withDetail("state", state.name()).build();
    }

    /** Idle, connecting or ready: only a failed or shut-down channel can't reach its service. */
    public static boolean reachable(ConnectivityState state) {
        return state != ConnectivityState.TRANSIENT_FAILURE && state != ConnectivityState.SHUTDOWN;
    }
}
