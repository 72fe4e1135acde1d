package org.medicore.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database's own limits on this machine, measured in the same run against the system's
 * PostgreSQL, each in a database of its own: pgbench's TPC-B-like script (scale 10), and the SQL
 * one booking issues ({@code pgbench/booking.sql}) against appointment-service's schema and the
 * audit trail's, built from their migrations. Needs Debian's postgresql-client; without it the run
 * goes on without the ratios.
 */
final class PgBench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    /** The schema a booking writes to: appointment-service's Flyway migrations, applied in their order. */
    private static final Path BOOKING_SCHEMA = Path.of("domain-services/appointment-service/src/main/resources/db/migration");
    private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__.*\\.sql");
    private static final Path AUDIT_SCHEMA = Path.of("domain-services/service-support/src/main/resources/db/audit/V1__access_records.sql");

    private final String serverUrl;

    PgBench(String serverUrl) {
        this.serverUrl = serverUrl;
    }

    /** Transactions per second with {@code clients} clients, or empty with the reason printed. */
    Optional<Double> tpcB(int clients, Duration duration, int scale) {
        if (serverUrl.isBlank()) {
            System.out.println("pgbench: no PostgreSQL given (--postgres-url), skipped");
            return Optional.empty();
        }
        try {
            run(List.of("psql", "-q", serverUrl + "/postgres", "-c", "CREATE DATABASE pgbench"), true);
            run(List.of("pgbench", "-i", "-q", "-s", String.valueOf(scale), serverUrl + "/pgbench"), false);
            String output = run(List.of("pgbench", "-n", "-c", String.valueOf(clients), "-j", String.valueOf(Math.min(clients, 4)),
                    "-T", String.valueOf(Math.max(1, duration.toSeconds())), serverUrl + "/pgbench"), false);
            Matcher tps = TPS.matcher(output);
            if (!tps.find()) {
                System.out.println("pgbench: no tps in its output, skipped: " + output);
                return Optional.empty();
            }
            return Optional.of(Double.parseDouble(tps.group(1)));
        } catch (IOException notInstalled) {
            System.out.println("pgbench: not available (" + notInstalled.getMessage()
                    + "); install Debian's postgresql-client for the database baseline. Skipped.");
            return Optional.empty();
        }
    }

    /**
     * Bookings per second the database sustains for exactly the statements one booking issues, with
     * {@code clients} clients and prepared statements (as the JDBC driver uses them), or empty with
     * the reason printed. The schema comes from the migrations of the repository it runs in.
     */
    Optional<Double> bookingShaped(int clients, Duration duration) {
        if (serverUrl.isBlank()) {
            return Optional.empty();
        }
        try {
            Optional<Path> root = repositoryRoot();
            if (root.isEmpty()) {
                System.out.println("pgbench booking: the services' migrations are not found from here (run within the repository), skipped");
                return Optional.empty();
            }
            String database = serverUrl + "/pgbench_booking";
            run(List.of("psql", "-q", serverUrl + "/postgres", "-c", "DROP DATABASE IF EXISTS pgbench_booking"), false);
            run(List.of("psql", "-q", serverUrl + "/postgres", "-c", "CREATE DATABASE pgbench_booking"), false);
            for (Path migration : migrations(root.get().resolve(BOOKING_SCHEMA))) {
                psqlFile(database, migration);
            }
            run(List.of("psql", "-q", database, "-c", "CREATE SCHEMA audit"), false);
            psqlFile(database, root.get().resolve(AUDIT_SCHEMA));
            psqlFile(database, resource("booking-seed.sql"));
            String output = run(List.of("pgbench", "-n", "-M", "prepared", "-c", String.valueOf(clients),
                    "-j", String.valueOf(Math.min(clients, 4)), "-T", String.valueOf(Math.max(1, duration.toSeconds())),
                    "-f", resource("booking.sql").toString(), database), false);
            Matcher tps = TPS.matcher(output);
            if (!tps.find()) {
                System.out.println("pgbench booking: no tps in its output, skipped: " + output);
                return Optional.empty();
            }
            return Optional.of(Double.parseDouble(tps.group(1)));
        } catch (IOException notInstalled) {
            System.out.println("pgbench booking: " + notInstalled.getMessage() + "; skipped.");
            return Optional.empty();
        }
    }

    /** The repository this runs in: the working directory or the nearest folder above it that holds the migrations. */
    private static Optional<Path> repositoryRoot() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            Path candidate = folder;
            if (Files.isDirectory(candidate.resolve(BOOKING_SCHEMA)) && Files.isRegularFile(candidate.resolve(AUDIT_SCHEMA))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static List<Path> migrations(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.filter(file -> MIGRATION.matcher(file.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(file -> {
                        Matcher version = MIGRATION.matcher(file.getFileName().toString());
                        return version.matches() ? Integer.parseInt(version.group(1)) : 0;
                    })).toList();
        }
    }

    private static void psqlFile(String database, Path file) throws IOException {
        run(List.of("psql", "-q", "-v", "ON_ERROR_STOP=1", "-f", file.toString(), database), false);
    }

    /** A script of this package's resources as a file pgbench and psql can read. */
    private static Path resource(String name) throws IOException {
        try (var in = PgBench.class.getResourceAsStream("/pgbench/" + name)) {
            if (in == null) {
                throw new IOException("pgbench/" + name + " is not on the class path");
            }
            Path file = Files.createTempFile("medicore-" + name.replace(".sql", ""), ".sql");
            file.toFile().deleteOnExit();
            Files.write(file, in.readAllBytes());
            return file;
        }
    }

    private static String run(List<String> command, boolean mayFail) throws IOException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException(command.getFirst() + " did not finish");
            }
            if (process.exitValue() != 0 && !mayFail) {
                throw new IOException(command.getFirst() + " failed: " + output.strip());
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
