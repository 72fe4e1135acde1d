package org.medicore.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * A copy of a running cluster's data folder that, with the write-ahead log archived since it began,
 * restores the cluster to any later moment. Taken with PostgreSQL's own backup functions
 * ({@code pg_backup_start}/{@code pg_backup_stop}) while writes go on: pg_basebackup does the same over
 * the replication protocol, but the server binaries the stack runs ship without it, and Debian's client
 * here is older than the server, which pg_basebackup refuses.
 */
public record BaseBackup(Path folder, Instant started, Duration took) {

    /** What PostgreSQL rebuilds at start or what belongs to the running server only (the documented exclusions). */
    private static final Set<String> CONTENTS_LEFT_OUT = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");
    private static final Set<String> FILES_LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts", "epg-lock",
            "pg_internal.init", "backup_label", "tablespace_map");

    /** Backs up the server on {@code port} of this machine into the new folder {@code into}. */
    public static BaseBackup take(int port, Path into) {
        Instant started = Instant.now();
        try (Connection postgres = PostgresServer.connect(port, "postgres");
             Statement sql = postgres.createStatement()) {
            Path data;
            try (ResultSet setting = sql.executeQuery("show data_directory")) {
                setting.next();
                data = Path.of(setting.getString(1));
            }
            // fast: a checkpoint now rather than spread over the checkpoint interval
            sql.execute("select pg_backup_start('medicore base backup', true)");
            copyDataFolder(data, into, true);
            // Waits until the archive holds every segment the copy needs to become consistent.
            try (ResultSet stop = sql.executeQuery("select labelfile, spcmapfile from pg_backup_stop(true)")) {
                stop.next();
                Files.writeString(into.resolve("backup_label"), stop.getString(1));
                String tablespaces = stop.getString(2);
                if (tablespaces != null && !tablespaces.isBlank()) {
                    Files.writeString(into.resolve("tablespace_map"), tablespaces);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the base backup of PostgreSQL on port " + port + " failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException("the base backup could not be written to " + into, e);
        }
        return new BaseBackup(into, started, Duration.between(started, Instant.now()));
    }

    /**
     * Copies a cluster's data folder to {@code target}, which PostgreSQL accepts as its own: a running one
     * ({@code live}) without what belongs to the running server, or a backup as it is (its backup_label included).
     */
    static void copyDataFolder(Path source, Path target, boolean live) throws IOException {
        Files.createDirectories(target);
        // PostgreSQL refuses a data folder others may read.
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) throws IOException {
                Path copy = target.resolve(source.relativize(directory).toString());
                Files.createDirectories(copy);
                Path parent = directory.getParent();
                boolean leftOut = live && parent != null && parent.equals(source)
                        && CONTENTS_LEFT_OUT.contains(directory.getFileName().toString());
                if (leftOut) {
                    if (directory.getFileName().toString().equals("pg_wal")) {
                        Files.createDirectories(copy.resolve("archive_status"));
                    }
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                String name = file.getFileName().toString();
                if (live && (FILES_LEFT_OUT.contains(name) || name.startsWith("pgsql_tmp"))) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, target.resolve(source.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                } catch (NoSuchFileException dropped) {
                    // A table or segment dropped during the copy: the WAL replayed over the copy drops it too.
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                if (failure instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw failure;
            }
        });
    }
}
