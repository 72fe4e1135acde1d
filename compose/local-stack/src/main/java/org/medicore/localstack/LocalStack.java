package org.medicore.localstack;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The real components of MediCore on one machine: PostgreSQL, Kafka, DynamoDB Local, the S3
 * store and Keycloak. Closing it stops them in reverse order.
 */
public final class LocalStack implements AutoCloseable {

    /** One database per service that keeps its state in PostgreSQL. */
    public static final List<String> SERVICE_DATABASES = List.of("appointments", "billing", "notifications");

    /** The data folder's folder of archived write-ahead log segments, kept for point-in-time restores. */
    public static final String WAL_ARCHIVE = "wal-archive";

    private final Deque<Component> started = new ArrayDeque<>();
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private DynamoDbServer dynamoDb;
    private ObjectStore objectStore;
    private KeycloakServer keycloak;

    /** Ports of 0 are chosen free on the loopback interface. */
    public record Ports(int postgres, int kafka, int dynamoDb, int objectStore, int keycloak) {

        public static final Ports DEFAULTS = new Ports(15432, 19092, 18000, 19000, 18080);
        public static final Ports FREE = new Ports(0, 0, 0, 0, 0);
    }

    public record Settings(Path dataDirectory, Ports ports, boolean withKeycloak) {
    }

    private LocalStack() {
    }

    public static LocalStack start(Settings settings) {
        LocalStack stack = new LocalStack();
        Path data = settings.dataDirectory().toAbsolutePath();
        Path logs = data.resolve("logs");
        try {
            stack.postgres = stack.track(startPostgres(data, data.resolve("postgres-binaries"), settings.ports().postgres()));
            stack.kafka = stack.track(KafkaBroker.start(data.resolve("kafka"), settings.ports().kafka(), logs));
            stack.kafka.ensureTopics(Topics.ALL, Topics.PARTITIONS);
            stack.dynamoDb = stack.track(DynamoDbServer.start(data.resolve("dynamodb"), settings.ports().dynamoDb()));
            stack.objectStore = stack.track(ObjectStore.start(data.resolve("s3"), settings.ports().objectStore()));
            if (settings.withKeycloak()) {
                stack.keycloak = stack.track(KeycloakServer.start(KeycloakDistribution.home(), stack.postgres,
                        settings.ports().keycloak(), logs));
            }
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /**
     * The stack's PostgreSQL in {@code data}: its cluster, its archive of write-ahead log, a database per service and
     * the audit trail's database and roles.
     */
    public static PostgresServer startPostgres(Path data, Path binariesDirectory, int port) {
        PostgresServer postgres = PostgresServer.startArchiving(data.resolve("postgres"), binariesDirectory, port,
                new WalArchive(data.resolve(WAL_ARCHIVE)));
        try {
            SERVICE_DATABASES.forEach(postgres::ensureDatabase);
            AuditDatabase.provision(postgres);
            return postgres;
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    private <T extends Component> T track(T component) {
        started.push(component);
        return component;
    }

    public List<Component> components() {
        return List.copyOf(started).reversed();
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public DynamoDbServer dynamoDb() {
        return dynamoDb;
    }

    public ObjectStore objectStore() {
        return objectStore;
    }

    public Optional<KeycloakServer> keycloak() {
        return Optional.ofNullable(keycloak);
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
