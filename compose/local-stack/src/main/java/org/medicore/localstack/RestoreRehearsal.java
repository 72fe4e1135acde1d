package org.medicore.localstack;

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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code compose/local-stack/rehearse-restore}: the runbook's database restore (docs/runbooks/restore.md) on the
 * local stack. While writes go on, it takes a base backup of the stack's PostgreSQL, picks a moment, writes on past
 * it, then restores the backup and the archived write-ahead log up to that moment into a new data folder, starts
 * PostgreSQL there and checks that every table of every service database holds the rows it held at that moment and
 * that the audit trail's hash chain still verifies, read as the audit reader. The stack's own server is not touched.
 */
public final class RestoreRehearsal {

    /** The databases whose rows must come back: each service's and the audit trail's. */
    public static final List<String> DATABASES = databases();

    private static final String USAGE = """
            usage: compose/local-stack/rehearse-restore [--data-dir=DIR] [--postgres-port=N]
              rehearses the restore runbook against the running stack (compose/local-stack/run) whose data folder
              is DIR (default ./.medicore) and whose PostgreSQL listens on N (default 15432); the restored cluster
              is left in DIR/restore-rehearsals/<time>/data
            """;
    private static final int MARKS_PER_PHASE = 20;
    private static final String REHEARSAL = "restore-rehearsal";

    /** What the rehearsal measured and found; {@link #holds()} when the restore is faithful. */
    public record Report(Instant target, BaseBackup backup, PointInTimeRestore.Restored restored,
                         DatabaseCensus atTarget, DatabaseCensus afterRestore, long auditRecords, Long firstBrokenLink) {

        public boolean holds() {
            return atTarget.equals(afterRestore) && firstBrokenLink == null;
        }

        public String describe() {
            StringBuilder text = new StringBuilder();
            text.append("restored to ").append(target).append('\n');
            text.append("  base backup ").append(millis(backup.took())).append(", copy into the new data folder ")
                    .append(millis(restored.copy())).append(", WAL replay until promoted ").append(millis(restored.recovery()))
                    .append('\n');
            for (String database : DATABASES) {
                text.append("  ").append(database).append(": ").append(afterRestore.total(database)).append(" rows restored, ")
                        .append(atTarget.total(database)).append(" at the target\n");
            }
            text.append("  audit trail: ").append(auditRecords).append(" records, hash chain ")
                    .append(firstBrokenLink == null ? "intact" : "broken at position " + firstBrokenLink).append('\n');
            text.append("  restored PostgreSQL: ").append(restored.server().jdbcUrl("<database>")).append(", data folder ")
                    .append(restored.server().dataDirectory()).append('\n');
            text.append(holds() ? "REHEARSAL PASSED" : "REHEARSAL FAILED: the restored rows differ from those at the target");
            return text.toString();
        }

        private static String millis(Duration duration) {
            return duration.toMillis() + " ms";
        }
    }

    private RestoreRehearsal() {
    }

    /**
     * Rehearses against the PostgreSQL on {@code sourcePort}, which archives its WAL into {@code archive} and whose
     * audit schema exists; works in the new folder {@code workFolder}. The restored server keeps running: close it.
     */
    public static Report rehearse(int sourcePort, WalArchive archive, Path workFolder, Path binariesDirectory) {
        try (Connection source = PostgresServer.connect(sourcePort, "postgres")) {
            requireArchiving(source);
            write(sourcePort, "before the base backup");
            BaseBackup backup = BaseBackup.take(sourcePort, workFolder.resolve("base-backup"));
            write(sourcePort, "after the base backup");
            Instant target = clock(source);
            DatabaseCensus atTarget = DatabaseCensus.of(sourcePort, DATABASES);
            write(sourcePort, "after the target");
            archive.archiveCurrentSegment(source);
            PointInTimeRestore.Restored restored = PointInTimeRestore.restore(backup, archive, target,
                    workFolder.resolve("data"), binariesDirectory);
            try {
                DatabaseCensus afterRestore = DatabaseCensus.of(restored.server().port(), DATABASES);
                return auditChecked(target, backup, restored, atTarget, afterRestore);
            } catch (RuntimeException | SQLException e) {
                restored.server().close();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the restore rehearsal could not talk to PostgreSQL", e);
        }
    }

    private static Report auditChecked(Instant target, BaseBackup backup, PointInTimeRestore.Restored restored,
                                       DatabaseCensus atTarget, DatabaseCensus afterRestore) throws SQLException {
        try (Connection audit = DriverManager.getConnection(restored.server().jdbcUrl(AuditDatabase.NAME),
                AuditDatabase.READER, AuditDatabase.READER_PASSWORD);
             Statement sql = audit.createStatement();
             ResultSet chain = sql.executeQuery("select audit.first_broken_link(), (select count(*) from audit.access_record)")) {
            chain.next();
            long broken = chain.getLong(1);
            Long firstBroken = chain.wasNull() ? null : broken;
            return new Report(target, backup, restored, atTarget, afterRestore, chain.getLong(2), firstBroken);
        }
    }

    private static void requireArchiving(Connection source) throws SQLException {
        try (Statement sql = source.createStatement(); ResultSet mode = sql.executeQuery("show archive_mode")) {
            mode.next();
            if (!"on".equals(mode.getString(1))) {
                throw new IllegalStateException("this PostgreSQL does not archive its write-ahead log (archive_mode is "
                        + mode.getString(1) + "): start it with the local stack, which does");
            }
        }
    }

    /** The server's clock: commit times in the WAL, which recovery compares with the target, are its. */
    private static Instant clock(Connection source) throws SQLException {
        try (Statement sql = source.createStatement(); ResultSet now = sql.executeQuery("select clock_timestamp()")) {
            now.next();
            return now.getObject(1, OffsetDateTime.class).toInstant();
        }
    }

    /**
     * Writes go on: marks in each service database (a schema of the rehearsal's own) and records in the audit trail
     * as the services write them (the writer role; the chain's trigger links them), each in its own transaction.
     */
    private static void write(int port, String phase) throws SQLException {
        for (String database : LocalStack.SERVICE_DATABASES) {
            try (Connection connection = PostgresServer.connect(port, database);
                 Statement sql = connection.createStatement()) {
                sql.execute("create schema if not exists restore_rehearsal");
                sql.execute("create table if not exists restore_rehearsal.mark (id bigint generated always as identity"
                        + " primary key, phase text not null, written_at timestamptz not null default clock_timestamp())");
                try (PreparedStatement mark = connection.prepareStatement("insert into restore_rehearsal.mark (phase) values (?)")) {
                    for (int i = 0; i < MARKS_PER_PHASE; i++) {
                        mark.setString(1, phase);
                        mark.executeUpdate();
                    }
                }
            }
        }
        try (Connection audit = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + AuditDatabase.NAME,
                AuditDatabase.WRITER, AuditDatabase.WRITER_PASSWORD);
             PreparedStatement record = audit.prepareStatement("insert into audit.access_record (occurred_at, subject, roles,"
                     + " client_id, service, operation, action, resource_type, resource_ids, patient_ids, fields_changed,"
                     + " client_address, forwarded_for, outcome, status, trace_id) values (clock_timestamp(), ?, '{}', ?, ?,"
                     + " 'RehearseRestore', 'READ', 'RestoreRehearsal', array[?], '{}', '{}', '127.0.0.1', '', 'ALLOWED', 'OK', '')")) {
            for (int i = 0; i < MARKS_PER_PHASE; i++) {
                record.setString(1, REHEARSAL);
                record.setString(2, REHEARSAL);
                record.setString(3, REHEARSAL);
                record.setString(4, phase);
                record.executeUpdate();
            }
        }
    }

    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                System.err.print("unexpected argument " + arg + "\n" + USAGE);
                System.exit(2);
            }
            String[] pair = arg.substring(2).split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "");
        }
        if (options.containsKey("help")) {
            System.out.print(USAGE);
            return;
        }
        Path data = Path.of(options.getOrDefault("data-dir", ".medicore")).toAbsolutePath().normalize();
        int port = Integer.parseInt(options.getOrDefault("postgres-port", String.valueOf(LocalStack.Ports.DEFAULTS.postgres())));
        Path work = data.resolve("restore-rehearsals")
                .resolve(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()));
        if (!Files.isDirectory(data.resolve(LocalStack.WAL_ARCHIVE))) {
            System.err.println("no WAL archive in " + data + ": start the stack first (compose/local-stack/run)");
            System.exit(1);
        }
        AuditDatabase.migrate(port, Path.of("").toAbsolutePath());
        Report report = rehearse(port, new WalArchive(data.resolve(LocalStack.WAL_ARCHIVE)), work,
                data.resolve("postgres-binaries"));
        // Stopped with its data kept: the runbook's last step moves that folder in place of the stack's own.
        report.restored().server().close();
        System.out.println(report.describe());
        System.exit(report.holds() ? 0 : 1);
    }

    private static List<String> databases() {
        List<String> databases = new ArrayList<>(LocalStack.SERVICE_DATABASES);
        databases.add(AuditDatabase.NAME);
        return List.copyOf(databases);
    }
}
