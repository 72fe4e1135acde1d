package org.medicore.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of the system's processes, read from {@code /proc/<pid>/stat} (user + system), grouped
 * by what they are: each MediCore JVM by its jar, PostgreSQL (every backend), Kafka, Keycloak,
 * the local stack's launcher (DynamoDB Local and S3Proxy run in it) and this load client.
 * Where there is no {@code /proc}, the samples are empty and the report says so.
 */
final class SystemCpu {

    /** MediCore's own processes: the figure the targets speak of. */
    static final List<String> OWN = List.of("bff-graphql", "patient-service", "appointment-service", "billing-service",
            "lab-processor", "analytics-service", "notification-service", "fhir-api");

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ, 100 on every Linux architecture we run on
    private static final Path PROC = Path.of("/proc");

    /** CPU ticks per process id, with the group each process belongs to. */
    record Sample(Map<Long, String> groups, Map<Long, Long> ticks) {

        /** Seconds each group spent since {@code before}; a process that started meanwhile counts in full. */
        Map<String, Double> secondsSince(Sample before) {
            Map<String, Double> seconds = new TreeMap<>();
            ticks.forEach((pid, now) -> {
                long earlier = before.ticks().getOrDefault(pid, 0L);
                seconds.merge(groups.get(pid), Math.max(0, now - earlier) / TICKS_PER_SECOND, Double::sum);
            });
            return seconds;
        }
    }

    /**
     * Waits, at most {@code limit}, until the system spends less than {@code quietCores} of CPU for a
     * second: work a scenario left behind (mails of its bookings, analytics' backlog) otherwise runs
     * on into the next scenario and is counted there. Returns how long it waited and whether it settled.
     */
    Settled awaitQuiet(Duration limit, double quietCores) throws InterruptedException {
        long start = System.nanoTime();
        Sample before = sample();
        double busy = Double.NaN;
        while (System.nanoTime() - start < limit.toNanos()) {
            Thread.sleep(1000);
            Sample now = sample();
            double seconds = (System.nanoTime() - start) / 1e9;
            busy = now.secondsSince(before).entrySet().stream()
                    .filter(group -> !group.getKey().equals("bench client"))
                    .mapToDouble(Map.Entry::getValue).sum();
            before = now;
            if (busy < quietCores) {
                return new Settled(Duration.ofMillis((long) (seconds * 1000)), true, busy);
            }
        }
        return new Settled(limit, false, busy);
    }

    /** What {@link #awaitQuiet} found: the wait, whether the system became quiet, and the cores busy in its last second. */
    record Settled(Duration waited, boolean quiet, double busyCores) {
    }

    Sample sample() {
        Map<Long, String> groups = new LinkedHashMap<>();
        Map<Long, Long> ticks = new LinkedHashMap<>();
        long self = ProcessHandle.current().pid();
        try (Stream<Path> entries = Files.list(PROC)) {
            entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(dir -> {
                long pid = Long.parseLong(dir.getFileName().toString());
                Optional<String> group = pid == self ? Optional.of("bench client") : group(dir);
                group.ifPresent(name -> cpuTicks(dir).ifPresent(t -> {
                    groups.put(pid, name);
                    ticks.put(pid, t);
                }));
            });
        } catch (IOException | RuntimeException noProc) {
            return new Sample(Map.of(), Map.of());
        }
        return new Sample(groups, ticks);
    }

    private static Optional<String> group(Path dir) {
        String command;
        try {
            command = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException gone) {
            return Optional.empty();
        }
        for (String own : OWN) {
            if (command.matches(".*[/ ]" + own + "-[0-9][^ ]*\\.jar.*")) {
                return Optional.of(own);
            }
        }
        if (command.startsWith("postgres") || command.contains("/bin/postgres ")) {
            return Optional.of("postgresql");
        }
        if (command.contains("kafka.Kafka")) {
            return Optional.of("kafka");
        }
        if (command.contains("keycloak") || command.contains("quarkus")) {
            return Optional.of("keycloak");
        }
        if (command.contains("LocalStackLauncher")) {
            return Optional.of("launcher (DynamoDB Local, S3)");
        }
        return Optional.empty();
    }

    private static Optional<Long> cpuTicks(Path dir) {
        try {
            String stat = Files.readString(dir.resolve("stat"));
            // Fields after the command name, which is in parentheses and may hold spaces.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }
}
