package org.medicore.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A new cluster made of a base backup and the archived write-ahead log replayed up to a moment: what RDS's
 * point-in-time restore does into a new instance. The source is left alone.
 */
public final class PointInTimeRestore {

    private static final Duration RECOVERY = Duration.ofMinutes(5);
    private static final DateTimeFormatter POSTGRES_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS'+00'").withZone(ZoneOffset.UTC);

    /** The restored server, and how long copying the backup and replaying the log took. */
    public record Restored(PostgresServer server, Duration copy, Duration recovery) {
    }

    private PointInTimeRestore() {
    }

    /**
     * Copies {@code backup} into the new folder {@code dataDirectory}, starts PostgreSQL there on a free port and returns
     * once it has replayed every transaction committed up to {@code target} from {@code archive}, none after, and left
     * recovery to take writes (a new timeline).
     */
    public static Restored restore(BaseBackup backup, WalArchive archive, Instant target, Path dataDirectory,
                                   Path binariesDirectory) {
        if (!backup.started().isBefore(target)) {
            throw new IllegalArgumentException("the base backup began at " + backup.started()
                    + ", after the moment to restore (" + target + ")");
        }
        if (Files.exists(dataDirectory)) {
            throw new IllegalArgumentException("a restore goes into a new data folder; " + dataDirectory + " exists");
        }
        Instant started = Instant.now();
        try {
            BaseBackup.copyDataFolder(backup.folder(), dataDirectory, false);
            // Settings of recovery, read while recovery.signal is there: the server deletes it once it promotes.
            Files.writeString(dataDirectory.resolve("postgresql.auto.conf"), """

                    restore_command = '%s'
                    recovery_target_time = '%s'
                    recovery_target_action = 'promote'
                    """.formatted(archive.restoreCommand(), POSTGRES_TIME.format(target)), StandardOpenOption.APPEND);
            Files.createFile(dataDirectory.resolve("recovery.signal"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not lay out the restored data folder " + dataDirectory, e);
        }
        Instant copied = Instant.now();
        PostgresServer server = PostgresServer.start(dataDirectory, binariesDirectory, 0);
        try {
            awaitPromotion(server);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return new Restored(server, Duration.between(started, copied), Duration.between(copied, Instant.now()));
    }

    /** The server answers read-only queries once consistent, which may be before it reached the target. */
    private static void awaitPromotion(PostgresServer server) {
        Instant deadline = Instant.now().plus(RECOVERY);
        try (Connection postgres = PostgresServer.connect(server.port(), "postgres");
             Statement sql = postgres.createStatement()) {
            while (true) {
                try (ResultSet recovering = sql.executeQuery("select pg_is_in_recovery()")) {
                    recovering.next();
                    if (!recovering.getBoolean(1)) {
                        return;
                    }
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the restored PostgreSQL was still recovering after " + RECOVERY);
                }
                ChildProcess.sleep(Duration.ofMillis(50));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the restored PostgreSQL on port " + server.port() + " did not answer", e);
        }
    }
}
