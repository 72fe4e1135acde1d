package org.medicore.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The run's figures: printed as a table and written as JSON. */
public final class Report {

    private final BenchMain.Options options;
    private final Instant started;
    private final List<Measured> scenarios = new ArrayList<>();
    private Optional<Double> pgbenchTps = Optional.empty();
    private Optional<Double> bookingSqlTps = Optional.empty();
    private Optional<JsonNode> firstScreens = Optional.empty();
    private Optional<Long> signInMs = Optional.empty();

    Report(BenchMain.Options options, Instant started) {
        this.options = options;
        this.started = started;
    }

    void baselines(Optional<Double> tpcB, Optional<Double> bookingSql) {
        pgbenchTps = tpcB;
        bookingSqlTps = bookingSql;
    }

    /** What the browser scenario measured beside its bookings. */
    void browser(JsonNode screens, long signIn) {
        firstScreens = Optional.of(screens);
        signInMs = Optional.of(signIn);
    }

    void add(Measured measured) {
        scenarios.add(measured);
        System.out.printf("  %s, %d clients: %.1f/s, p99 %.1f ms, %d failed%s%n", measured.scenario(), measured.clients(),
                measured.throughput(), measured.percentileMillis(99), measured.failures(),
                measured.firstFailure().isEmpty() ? "" : " (first: " + measured.firstFailure() + ")");
    }

    public List<Measured> scenarios() {
        return Collections.unmodifiableList(scenarios);
    }

    public Optional<Double> pgbenchTps() {
        return pgbenchTps;
    }

    public Optional<Double> bookingSqlTps() {
        return bookingSqlTps;
    }

    /** The ratio of a booking scenario to the database's own rate for the SQL of one booking. */
    Optional<Double> toBookingSql(Measured m) {
        return bookingSqlTps.filter(tps -> isBooking(m)).map(tps -> m.throughput() / tps);
    }

    static boolean isBooking(Measured m) {
        return m.scenario().startsWith(BenchMain.BOOKING_OVER_GRPC) || m.scenario().startsWith(BenchMain.BOOKING_THROUGH_BFF);
    }

    void print(PrintStream out) {
        out.println();
        out.println("MediCore benchmark, " + started + ", " + Runtime.getRuntime().availableProcessors() + " cores; "
                + options.describe().orElse(""));
        int clients = options.clients().getFirst();
        out.println(pgbenchTps.map(tps -> String.format("pgbench TPC-B (scale 10, %d clients): %.0f tps", clients, tps))
                .orElse("pgbench TPC-B: skipped, no ratios"));
        out.println(bookingSqlTps.map(tps -> String.format("pgbench running one booking's SQL (%d clients): %.0f bookings/s", clients, tps))
                .orElse("pgbench booking SQL: skipped, no booking ratios"));
        out.printf("%-52s %7s %10s %8s %8s %8s %9s %9s %7s %12s%n", "scenario", "clients", "ops/s", "p50 ms", "p99 ms", "p99.9 ms",
                "x TPC-B", "x booking", "failed", "own CPU ms/op");
        for (Measured m : scenarios) {
            out.printf("%-52s %7d %10.1f %8.1f %8.1f %8.1f %9s %9s %7d %12.2f%n", m.scenario(), m.clients(), m.throughput(),
                    m.percentileMillis(50), m.percentileMillis(99), m.percentileMillis(99.9),
                    pgbenchTps.map(tps -> String.format("%.3f", m.throughput() / tps)).orElse("-"),
                    toBookingSql(m).map(ratio -> String.format("%.3f", ratio)).orElse("-"), m.failures(), ownCpu(m));
        }
        out.println();
        out.println("Targets (issue 20):");
        for (Targets.Verdict verdict : new Targets(this).verdicts()) {
            out.printf("  %-4s %-78s %s%n", verdict.met() ? "met" : "NOT", verdict.target(), verdict.measured());
        }
        firstScreens.ifPresent(screens -> {
            out.println();
            out.println("In Chromium (" + BenchMain.BROWSER_BOOKING + " above):");
            screens.properties().forEach(screen -> out.printf("  first screen, %s: %s%n", screen.getKey(), screen.getValue()));
            signInMs.ifPresent(ms -> out.printf("  the demo patient's sign-in, from \"Sign in\" to the signed-in page: %d ms%n", ms));
        });
        out.println();
        out.println("CPU ms per operation, per process:");
        for (Measured m : scenarios) {
            StringBuilder line = new StringBuilder(String.format("  %-52s", m.scenario() + " @" + m.clients()));
            m.cpuMillisPerOperation().forEach((process, ms) -> line.append(String.format(" %s %.2f;", process, ms)));
            out.println(line);
        }
    }

    void writeJson(Path file) throws IOException {
        ObjectNode root = JsonMapper.shared().createObjectNode();
        root.put("started", started.toString());
        root.put("cores", Runtime.getRuntime().availableProcessors());
        root.put("settings", options.describe().orElse(""));
        pgbenchTps.ifPresent(tps -> root.put("pgbenchTpcBTps", tps));
        bookingSqlTps.ifPresent(tps -> root.put("pgbenchBookingSqlTps", tps));
        ArrayNode list = root.putArray("scenarios");
        for (Measured m : scenarios) {
            ObjectNode node = list.addObject();
            node.put("scenario", m.scenario());
            node.put("clients", m.clients());
            node.put("operations", m.operations());
            node.put("failures", m.failures());
            node.put("seconds", m.seconds());
            node.put("perSecond", m.throughput());
            node.put("p50Ms", m.percentileMillis(50));
            node.put("p99Ms", m.percentileMillis(99));
            node.put("p999Ms", m.percentileMillis(99.9));
            pgbenchTps.ifPresent(tps -> node.put("ratioToPgbench", m.throughput() / tps));
            toBookingSql(m).ifPresent(ratio -> node.put("ratioToBookingSql", ratio));
            node.put("ownCpuMsPerOperation", ownCpu(m));
            ObjectNode cpu = node.putObject("cpuMsPerOperation");
            m.cpuMillisPerOperation().forEach(cpu::put);
            if (!m.firstFailure().isEmpty()) {
                node.put("firstFailure", m.firstFailure());
            }
        }
        firstScreens.ifPresent(screens -> root.putObject("browser").put("signInMs", signInMs.orElseThrow())
                .set("firstScreens", screens));
        ArrayNode targets = root.putArray("targets");
        for (Targets.Verdict verdict : new Targets(this).verdicts()) {
            targets.addObject().put("target", verdict.target()).put("measured", verdict.measured()).put("met", verdict.met());
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, JsonMapper.shared().writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    /** CPU ms per operation of MediCore's own processes (the BFF and the services). */
    static double ownCpu(Measured m) {
        Map<String, Double> perOperation = m.cpuMillisPerOperation();
        return SystemCpu.OWN.stream().mapToDouble(process -> perOperation.getOrDefault(process, 0.0)).sum();
    }
}
