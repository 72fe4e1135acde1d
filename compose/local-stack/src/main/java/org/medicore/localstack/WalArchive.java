package org.medicore.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

/**
 * The folder PostgreSQL copies each completed write-ahead log segment into ({@code archive_command}), and
 * reads them back from when it restores ({@code restore_command}): the local stand-in for RDS's
 * continuous backup of its transaction logs.
 */
public record WalArchive(Path folder) {

    private static final Duration ARCHIVING = Duration.ofSeconds(60);

    public WalArchive {
        folder = folder.toAbsolutePath();
        // The commands below quote the folder for /bin/sh, in which pg_ctl starts the server.
        if (folder.toString().matches(".*['\"\\\\$`].*")) {
            throw new IllegalArgumentException("the WAL archive's folder may not contain quotes, $, ` or \\: " + folder);
        }
    }

    /** Archiving on; a segment already archived is never overwritten (the command fails, PostgreSQL retries and says so). */
    void configure(EmbeddedPostgres.Builder server) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("no WAL archive folder " + folder, e);
        }
        // The launcher hands every setting to pg_ctl in one option string that /bin/sh splits,
        // so a command with spaces travels in single quotes.
        server.setServerConfig("archive_mode", "on")
                .setServerConfig("archive_command", "'test ! -f \"" + folder + "/%f\" && cp \"%p\" \"" + folder + "/%f\"'");
    }

    /** The {@code restore_command} that reads this archive. */
    String restoreCommand() {
        return "cp \"" + folder + "/%f\" \"%p\"";
    }

    /**
     * Closes the segment being written and returns once the archive holds it, so that every commit made
     * before this call can be restored. There must have been a write since the last switch.
     */
    public void archiveCurrentSegment(Connection postgres) throws SQLException {
        String segment;
        try (Statement sql = postgres.createStatement();
             ResultSet switched = sql.executeQuery("select pg_walfile_name(pg_switch_wal())")) {
            switched.next();
            segment = switched.getString(1);
        }
        Instant deadline = Instant.now().plus(ARCHIVING);
        while (!archived(postgres, segment)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("PostgreSQL did not archive WAL segment " + segment + " into " + folder
                        + " within " + ARCHIVING + "; see pg_stat_archiver and the server log");
            }
            ChildProcess.sleep(Duration.ofMillis(50));
        }
    }

    private static boolean archived(Connection postgres, String segment) throws SQLException {
        try (Statement sql = postgres.createStatement();
             ResultSet archiver = sql.executeQuery("select last_archived_wal from pg_stat_archiver")) {
            archiver.next();
            String last = archiver.getString(1);
            // Segment names of one timeline sort in the order they were written.
            return last != null && last.compareTo(segment) >= 0;
        }
    }
}
