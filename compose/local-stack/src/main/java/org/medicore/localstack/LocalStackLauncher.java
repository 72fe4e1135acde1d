package org.medicore.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * {@code compose/local-stack/run}: starts every real component, prints where they run, and
 * stops them all on Ctrl-C.
 */
public final class LocalStackLauncher {

    private static final String USAGE = """
            usage: compose/local-stack/run [--fresh] [--data-dir=DIR] [--no-services] [--no-keycloak] [--tls]
                   [--postgres-port=N] [--kafka-port=N] [--dynamodb-port=N] [--s3-port=N] [--keycloak-port=N]
              --fresh        wipe the data folder first (default ./.medicore)
              --no-services  only the components (PostgreSQL, Kafka, DynamoDB, S3, Keycloak)
              --no-keycloak  only PostgreSQL, Kafka, DynamoDB and S3 (implies --no-services)
              --tls          gRPC between the BFF, the FHIR API and the services with mutual TLS,
                             certificates of a throwaway authority kept in DIR/tls
              a port of 0 picks a free one; defaults: postgres 15432, kafka 19092,
              dynamodb 18000, s3 19000, keycloak 18080
            """;

    /** Where the built portal is served; the realm's portal client may redirect there. */
    static final int PORTAL_PORT = 4173;

    private LocalStackLauncher() {
    }

    /** A start refused for a reason the user can act on: said in one line, no stack trace. */
    private static final class Refused extends RuntimeException {

        private final int exitCode;

        Refused(String message, int exitCode) {
            super(message);
            this.exitCode = exitCode;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        try {
            launch(args);
        } catch (Refused refused) {
            System.exit(refused.exitCode);
        }
    }

    private static void launch(String[] args) throws InterruptedException {
        Map<String, String> options = parse(args);
        if (options.containsKey("help")) {
            System.out.print(USAGE);
            return;
        }
        Path data = Path.of(options.getOrDefault("data-dir", ".medicore")).toAbsolutePath().normalize();
        if (options.containsKey("fresh")) {
            wipe(data);
        }
        // Before the first logger is made: the console shows the table, not every DynamoDB request.
        System.setProperty("logback.configurationFile", LogConfig.logbackFile(data.resolve("logs")).toString());
        System.setProperty("log4j2.configurationFile", LogConfig.log4j2File(data.resolve("logs")).toString());
        LocalStack.Ports defaults = LocalStack.Ports.DEFAULTS;
        LocalStack.Ports ports = new LocalStack.Ports(
                port(options, "postgres-port", defaults.postgres()),
                port(options, "kafka-port", defaults.kafka()),
                port(options, "dynamodb-port", defaults.dynamoDb()),
                port(options, "s3-port", defaults.objectStore()),
                port(options, "keycloak-port", defaults.keycloak()));

        try (FileLock ignored = lock(data)) {
            Instant begin = Instant.now();
            System.out.println("MediCore local stack: starting in " + data);
            boolean withKeycloak = !options.containsKey("no-keycloak");
            List<AutoCloseable> started = new CopyOnWriteArrayList<>();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                System.out.println("MediCore local stack: stopping");
                started.reversed().forEach(LocalStackLauncher::closeQuietly);
                stopped.countDown();
            }, "local-stack-shutdown"));
            try {
                LocalStack stack = LocalStack.start(new LocalStack.Settings(data, ports, withKeycloak));
                started.add(stack);
                List<Component> running = new ArrayList<>(stack.components());
                if (withKeycloak && !options.containsKey("no-services")) {
                    MailServer mail = MailServer.start(MailServer.Ports.DEFAULTS);
                    started.add(mail);
                    running.add(mail);
                    System.out.println("MediCore local stack: components ready, starting the services");
                    MediCoreServices.Ports services = MediCoreServices.Ports.DEFAULTS.withTls(
                            options.containsKey("tls") ? WorkloadTls.in(data) : WorkloadTls.OFF);
                    List<ServiceProcess> launched = MediCoreServices.start(stack, mail, Path.of("").toAbsolutePath(), data,
                            services);
                    started.addAll(launched);
                    running.addAll(launched);
                    DemoData.seed(stack.keycloak().orElseThrow(), services, ZoneId.of(DemoData.CLINIC_TIME_ZONE));
                    System.out.println("MediCore local stack: demo records in place (patient Alice, who agreed to e-mail; Dr Gregory with weekday hours)");
                    PortalServer portal = PortalServer.start(Path.of("web-portal", "dist").toAbsolutePath(), PORTAL_PORT,
                            "http://127.0.0.1:" + MediCoreServices.Ports.DEFAULTS.bff() + "/graphql", stack.keycloak().orElseThrow().baseUrl(),
                            stack.objectStore().endpoint(), DemoData.CLINIC_TIME_ZONE);
                    started.add(portal);
                    running.add(portal);
                }
                printTable(running, Duration.between(begin, Instant.now()));
            } catch (RuntimeException e) {
                System.err.println("MediCore local stack: could not start: " + e.getMessage());
                // Exiting runs the shutdown hook, which stops whatever did start.
                System.exit(1);
            }
            stopped.await();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(AutoCloseable running) {
        try {
            running.close();
        } catch (Exception e) {
            System.err.println("MediCore local stack: stopping " + running + " failed: " + e.getMessage());
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw usageError("unexpected argument " + arg);
            }
            String[] pair = arg.substring(2).split("=", 2);
            if (!Stream.of("fresh", "help", "no-keycloak", "no-services", "tls", "data-dir", "postgres-port", "kafka-port",
                    "dynamodb-port", "s3-port", "keycloak-port").toList().contains(pair[0])) {
                throw usageError("unknown option " + arg);
            }
            options.put(pair[0], pair.length > 1 ? pair[1] : "");
        }
        return options;
    }

    private static int port(Map<String, String> options, String key, int fallback) {
        String value = options.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw usageError("--" + key + " must be between 0 and 65535, was " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw usageError("--" + key + " must be a number, was '" + value + "'");
        }
    }

    private static Refused usageError(String message) {
        System.err.println(message);
        System.err.print(USAGE);
        return new Refused(message, 2);
    }

    /** Two launchers on one data folder would corrupt it; the second one stops at once. */
    private static FileLock lock(Path data) throws IOException {
        Files.createDirectories(data);
        FileChannel channel = FileChannel.open(data.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            System.err.println("MediCore local stack: another local stack is running on " + data);
            throw new Refused("another local stack is running on " + data, 1);
        }
        return lock;
    }

    private static void wipe(Path data) {
        if (!Files.exists(data)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(data)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("could not wipe " + data, e);
        }
    }

    private static void printTable(List<Component> components, Duration took) {
        StringBuilder table = new StringBuilder();
        table.append(String.format("%n%-22s %-14s %s%n", "component", "what", "where"));
        table.append("-".repeat(100)).append('\n');
        for (Component component : components) {
            for (Component.Endpoint endpoint : component.endpoints()) {
                table.append(String.format("%-22s %-14s %s%n", component.name(), endpoint.label(), endpoint.address()));
            }
        }
        table.append("-".repeat(100)).append('\n');
        table.append(String.format("ready in %.1f s. Ctrl-C stops everything.%n", took.toMillis() / 1000.0));
        System.out.print(table);
    }
}
