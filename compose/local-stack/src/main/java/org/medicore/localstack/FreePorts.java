package org.medicore.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for components: the one asked for, or a free one on the loopback when asked for 0.
 * <p>
 * A free port is taken below the kernel's ephemeral range. A port the kernel hands out for
 * {@code bind(0)} lies inside that range, and so do the local ports of every outgoing connection:
 * while the services start one after another, a Kafka, JDBC or gRPC client could take the port
 * picked for a service that has not bound it yet, and that service then failed to start.
 */
public final class FreePorts {

    /** Linux's default ephemeral range starts here; used when /proc does not say. */
    private static final int DEFAULT_EPHEMERAL_START = 32768;
    private static final int LOWEST = 10000;
    private static final int ATTEMPTS = 200;

    private FreePorts() {
    }

    public static int orFree(int requested) {
        return requested > 0 ? requested : free();
    }

    public static int free() {
        int below = ephemeralStart();
        for (int attempt = 0; attempt < ATTEMPTS && below > LOWEST; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
            if (bindable(port)) {
                return port;
            }
        }
        return kernelsChoice();
    }

    /** The first port of the kernel's ephemeral range. */
    static int ephemeralStart() {
        // read line-wise: /proc files report no size, and Files.readString then returns their first byte only
        try (BufferedReader file = Files.newBufferedReader(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
            return Integer.parseInt(file.readLine().trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException unknown) {
            return DEFAULT_EPHEMERAL_START;
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int kernelsChoice() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback interface", e);
        }
    }
}
