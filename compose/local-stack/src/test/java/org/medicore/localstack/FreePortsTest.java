package org.medicore.localstack;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FreePortsTest {

    @Test
    void a_free_port_lies_below_the_ephemeral_range_where_outgoing_connections_take_theirs_and_can_be_bound() throws Exception {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            ports.add(FreePorts.free());
        }

        int ephemeralStart = FreePorts.ephemeralStart();
        assertThat(ephemeralStart).as("the kernel's ephemeral range starts above the ports we pick").isGreaterThan(10000);
        for (int port : ports) {
            assertThat(port).as("port %d below the ephemeral range starting at %d", port, ephemeralStart)
                    .isGreaterThanOrEqualTo(10000).isLessThan(ephemeralStart);
        }
        assertThat(ports).as("picked at random, not the same port each time").hasSizeGreaterThan(40);
        try (ServerSocket socket = new ServerSocket(ports.iterator().next(), 1, InetAddress.getLoopbackAddress())) {
            assertThat(socket.isBound()).isTrue();
        }
    }

    @Test
    void a_port_asked_for_is_kept() {
        assertThat(FreePorts.orFree(18080)).isEqualTo(18080);
    }
}
