package org.medicore.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A real PostgreSQL 17 server process. The zonky launcher ships the binaries as a Maven
 * artifact and wraps initdb/postgres in a user namespace, so it also runs when we are root.
 */
public final class PostgresServer implements Component {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    /** How long the server processes of a killed postmaster may take to notice and exit. */
    private static final Duration ORPHANS_EXIT = Duration.ofSeconds(30);

    private final Path dataDirectory;
    private final Path binariesDirectory;
    private final int port;
    private final Optional<WalArchive> walArchive;
    private volatile EmbeddedPostgres postgres;

    private PostgresServer(Path dataDirectory, Path binariesDirectory, int port, Optional<WalArchive> walArchive) {
        this.dataDirectory = dataDirectory;
        this.binariesDirectory = binariesDirectory;
        this.port = port;
        this.walArchive = walArchive;
    }

    /** Starts on {@code port} (0 = free), keeping its cluster in {@code dataDirectory} between runs. */
    public static PostgresServer start(Path dataDirectory, Path binariesDirectory, int port) {
        return launched(new PostgresServer(dataDirectory, binariesDirectory, FreePorts.orFree(port), Optional.empty()));
    }

    /**
     * Starts like {@link #start}, copying every completed write-ahead log segment into {@code walArchive}: with a
     * base backup, the archive restores the cluster to any moment since that backup ({@link PointInTimeRestore}).
     */
    public static PostgresServer startArchiving(Path dataDirectory, Path binariesDirectory, int port, WalArchive walArchive) {
        return launched(new PostgresServer(dataDirectory, binariesDirectory, FreePorts.orFree(port), Optional.of(walArchive)));
    }

    private static PostgresServer launched(PostgresServer server) {
        server.launch();
        return server;
    }

    private void launch() {
        try {
            Files.createDirectories(dataDirectory);
            Files.createDirectories(binariesDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(binariesDirectory.toFile())
                    .setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("timezone", "UTC")
                    // The launcher's default (off) acknowledges a commit before its WAL leaves PostgreSQL's memory,
                    // so a crashed server forgets the last commits it confirmed. On, with fsync still off, a commit
                    // waits only for the write to the kernel: it survives a killed server, not a crashed machine.
                    .setServerConfig("synchronous_commit", "on")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(false);
            if (walArchive.isPresent()) {
                walArchive.get().configure(builder);
            }
            postgres = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    /**
     * Stops the server with a fast shutdown (open transactions rolled back, connections closed), its
     * data kept, as an outage would; {@link #startAgain()} ends the outage. For fault tests.
     */
    public synchronized void stop() {
        close();
    }

    /**
     * Kills the postmaster at once ({@code kill -9}), as a crash would, and returns when its server
     * processes, left without it, have exited too (a new postmaster refuses to start while they hold
     * the old shared memory); {@link #startAgain()} then recovers from the write-ahead log. For fault tests.
     */
    public synchronized void kill() {
        ProcessHandle postmaster = postmaster();
        List<ProcessHandle> serverProcesses = postmaster.descendants().toList();
        postmaster.destroyForcibly();
        Instant deadline = Instant.now().plus(ORPHANS_EXIT);
        while (postmaster.isAlive() || serverProcesses.stream().anyMatch(ProcessHandle::isAlive)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("PostgreSQL's server processes outlived their killed postmaster by " + ORPHANS_EXIT);
            }
            ChildProcess.sleep(Duration.ofMillis(50));
        }
        // Releases the launcher's lock on the data folder; its own stop finds no server and says so in the log.
        close();
    }

    /** Starts a stopped or killed server again on the same port with the same data and waits until it answers. */
    public synchronized void startAgain() {
        launch();
    }

    /** The running postmaster, from the first line of its {@code postmaster.pid}. */
    private ProcessHandle postmaster() {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).getFirst().strip());
            return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("PostgreSQL's postmaster " + pid + " is not running"));
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL is not running: no postmaster.pid in " + dataDirectory, e);
        }
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public Optional<WalArchive> walArchive() {
        return walArchive;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** A connection as the superuser to {@code database} of the stack's PostgreSQL listening on {@code port}. */
    public static Connection connect(int port, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, USER, PASSWORD);
    }

    /** Creates the database when it is missing; safe to call on every start. */
    public void ensureDatabase(String database) {
        ensure("select 1 from pg_database where datname = ?", plain(database), "create database " + database);
    }

    /** Creates a role that may log in with the password, when it is missing; safe to call on every start. */
    public void ensureLoginRole(String role, String password) {
        ensure("select 1 from pg_roles where rolname = ?", plain(role),
                "create role " + role + " login password '" + password.replace("'", "''") + "'");
    }

    private void ensure(String existsQuery, String name, String creation) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement(existsQuery)) {
            exists.setString(1, name);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute(creation);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create " + name, e);
        }
    }

    private static String plain(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain name: " + name);
        }
        return name;
    }

    @Override
    public String name() {
        return "PostgreSQL 17";
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(new Endpoint("jdbc", jdbcUrl("<database>") + " (user " + USER + ")"));
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
    }
}
