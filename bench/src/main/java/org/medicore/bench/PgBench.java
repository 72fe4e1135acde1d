package org.medicore.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database's own limit on this machine, measured in the same run: pgbench's TPC-B-like
 * script (scale 10) against the system's PostgreSQL, in a database of its own ({@code pgbench}).
 * Needs Debian's postgresql-client; without it the run goes on without the ratios.
 */
final class PgBench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

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
