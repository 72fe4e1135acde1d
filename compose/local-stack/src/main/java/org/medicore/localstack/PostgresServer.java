package org.medicore.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * A real PostgreSQL 17 server process. The zonky launcher ships the binaries as a Maven
 * artifact and wraps initdb/postgres in a user namespace, so it also runs when we are root.
 */
public final class PostgresServer implements Component {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts on {@code port} (0 = free), keeping its cluster in {@code dataDirectory} between runs. */
    public static PostgresServer start(Path dataDirectory, Path binariesDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
            Files.createDirectories(binariesDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(binariesDirectory.toFile())
                    .setPort(FreePorts.orFree(port))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("timezone", "UTC")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(false)
                    .start();
            return new PostgresServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
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
