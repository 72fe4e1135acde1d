package org.medicore.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A MediCore service run from its Spring Boot jar in its own JVM, its settings pointed at the stack. */
public final class ServiceProcess implements Component {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    private final String name;
    private final Path jar;
    private final Map<String, String> properties;
    private final int managementPort;
    private final List<Endpoint> endpoints;
    private final Path logDirectory;
    private final ChildProcess process;

    private ServiceProcess(String name, Path jar, Map<String, String> properties, int managementPort,
                           List<Endpoint> endpoints, Path logDirectory, ChildProcess process) {
        this.name = name;
        this.jar = jar;
        this.properties = Map.copyOf(properties);
        this.managementPort = managementPort;
        this.endpoints = endpoints;
        this.logDirectory = logDirectory;
        this.process = process;
    }

    /**
     * Launches {@code jar} with {@code properties} as command-line arguments; {@link #awaitReady()}
     * then waits until its readiness probe on {@code managementPort} says UP. Services boot side by side.
     */
    public static ServiceProcess launch(String name, Path jar, Map<String, String> properties, int managementPort,
                                        List<Endpoint> endpoints, Path logDirectory) {
        return launch(name, jar, properties, managementPort, endpoints, logDirectory, Map.of());
    }

    private static ServiceProcess launch(String name, Path jar, Map<String, String> properties, int managementPort,
                                         List<Endpoint> endpoints, Path logDirectory, Map<String, String> environment) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing; build it with ./mvnw install -DskipTests");
        }
        // The JVM's default tiered compilation, C2 included, as the images run it: C1 alone starts a
        // little sooner but leaves RSA token checks and protobuf mapping several times slower.
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx512m", "-jar", jar.toString()));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        ChildProcess child = ChildProcess.start(name, command, environment, jar.getParent(),
                logDirectory.resolve(name + ".log"));
        return new ServiceProcess(name, jar, properties, managementPort, endpoints, logDirectory, child);
    }

    /** The same service launched again with the same settings (after {@link #close()}), not yet ready. */
    public ServiceProcess relaunch() {
        return launch(name, jar, properties, managementPort, endpoints, logDirectory);
    }

    /** The same service launched again with {@code changed} settings over its own (after {@link #close()}), not yet ready. */
    public ServiceProcess relaunch(Map<String, String> changed) {
        Map<String, String> settings = new java.util.LinkedHashMap<>(properties);
        settings.putAll(changed);
        return launch(name, jar, settings, managementPort, endpoints, logDirectory);
    }

    /**
     * The same service launched again with the same settings and {@code environment} added to its process's (after
     * {@link #close()}), not yet ready: e.g. a preloaded library that moves its clock. The environment is for this
     * launch only; {@link #relaunch()} of the process it returns starts the service as before.
     */
    public ServiceProcess relaunchWith(Map<String, String> environment) {
        return launch(name, jar, properties, managementPort, endpoints, logDirectory, environment);
    }

    /** The HTTP port of its health probes and metrics. */
    public int managementPort() {
        return managementPort;
    }

    public void awaitReady() {
        URI readiness = URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness");
        process.awaitCondition(() -> ready(readiness), name + " to be ready at " + readiness, READY_TIMEOUT);
    }

    private static boolean ready(URI readiness) {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build()) {
            return http.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Endpoint> endpoints() {
        return endpoints;
    }

    /** Kills the process at once ({@code kill -9}), as a crash would; {@link #relaunch()} starts it again. */
    public void kill() {
        process.kill();
    }

    @Override
    public void close() {
        process.close();
    }
}
