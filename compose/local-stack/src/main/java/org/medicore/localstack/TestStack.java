package org.medicore.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * The real components for tests: each is started on first use, once per test JVM, on free
 * loopback ports in a temporary folder, and stopped when the JVM exits.
 * <pre>{@code
 * @DynamicPropertySource
 * static void kafka(DynamicPropertyRegistry registry) {
 *     registry.add("spring.kafka.bootstrap-servers", () -> TestStack.kafka().bootstrapServers());
 * }
 * }</pre>
 */
public final class TestStack {

    private static final Path ROOT = temporaryRoot();
    private static final Deque<Component> STARTED = new ArrayDeque<>();
    private static PostgresServer postgres;
    private static KafkaBroker kafka;
    private static DynamoDbServer dynamoDb;
    private static ObjectStore objectStore;
    private static KeycloakServer keycloak;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestStack::stopAll, "test-stack-shutdown"));
    }

    private TestStack() {
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = track(() -> PostgresServer.start(ROOT.resolve("postgres"), sharedPostgresBinaries(), 0));
            AuditDatabase.provision(postgres);
        }
        return postgres;
    }

    /** A fresh, empty database of the test PostgreSQL, for one test class or module. */
    public static String newDatabaseUrl(String name) {
        postgres().ensureDatabase(name);
        return postgres.jdbcUrl(name);
    }

    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            kafka = track(() -> KafkaBroker.start(ROOT.resolve("kafka"), 0, ROOT.resolve("logs")));
            kafka.ensureTopics(Topics.ALL, Topics.PARTITIONS);
        }
        return kafka;
    }

    public static synchronized DynamoDbServer dynamoDb() {
        if (dynamoDb == null) {
            dynamoDb = track(() -> DynamoDbServer.start(ROOT.resolve("dynamodb"), 0));
        }
        return dynamoDb;
    }

    public static synchronized ObjectStore objectStore() {
        if (objectStore == null) {
            objectStore = track(() -> ObjectStore.start(ROOT.resolve("s3"), 0));
        }
        return objectStore;
    }

    /** Keycloak with realm medicore; the slowest component (tens of seconds), so ask only when needed. */
    public static synchronized KeycloakServer keycloak() {
        if (keycloak == null) {
            PostgresServer database = postgres();
            keycloak = track(() -> KeycloakServer.start(KeycloakDistribution.home(), database, 0, ROOT.resolve("logs")));
        }
        return keycloak;
    }

    /** A folder of this test run's temporary root, for what tests start beside the components. */
    static Path directory(String name) {
        return ROOT.resolve(name);
    }

    private static <T extends Component> T track(Supplier<T> start) {
        T component = start.get();
        STARTED.push(component);
        return component;
    }

    private static synchronized void stopAll() {
        while (!STARTED.isEmpty()) {
            try {
                STARTED.pop().close();
            } catch (RuntimeException e) {
                System.err.println("stopping a test component failed: " + e.getMessage());
            }
        }
        try (var paths = Files.walk(ROOT)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not remove " + ROOT + ": " + e.getMessage());
        }
    }

    /** PostgreSQL's unpacked binaries (~100 MB) are the same for every run, so they are kept. */
    public static Path sharedPostgresBinaries() {
        return Path.of(System.getProperty("java.io.tmpdir"), "medicore-postgres-binaries");
    }

    private static Path temporaryRoot() {
        try {
            return Files.createTempDirectory("medicore-test-stack-");
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary folder for the test stack", e);
        }
    }
}
