package org.medicore.bench;

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

    Report(BenchMain.Options options, Instant started) {
        this.options = options;
        this.started = started;
    }

    void baseline(Optional<Double> tps) {
        pgbenchTps = tps;
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

    void print(PrintStream out) {
        out.println();
        out.println("MediCore benchmark, " + started + ", " + Runtime.getRuntime().availableProcessors() + " cores; "
                + options.describe().orElse(""));
        out.println(pgbenchTps.map(tps -> String.format("pgbench TPC-B (scale 10, %d clients): %.0f tps", options.clients().getFirst(), tps))
                .orElse("pgbench: skipped, no ratios"));
        out.printf("%-44s %7s %10s %8s %8s %8s %9s %7s %12s%n", "scenario", "clients", "ops/s", "p50 ms", "p99 ms", "p99.9 ms",
                "x pgbench", "failed", "own CPU ms/op");
        for (Measured m : scenarios) {
            out.printf("%-44s %7d %10.1f %8.1f %8.1f %8.1f %9s %7d %12.2f%n", m.scenario(), m.clients(), m.throughput(),
                    m.percentileMillis(50), m.percentileMillis(99), m.percentileMillis(99.9),
                    pgbenchTps.map(tps -> String.format("%.3f", m.throughput() / tps)).orElse("-"), m.failures(), ownCpu(m));
        }
        out.println();
        out.println("CPU ms per operation, per process:");
        for (Measured m : scenarios) {
            StringBuilder line = new StringBuilder(String.format("  %-44s", m.scenario() + " @" + m.clients()));
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
            node.put("ownCpuMsPerOperation", ownCpu(m));
            ObjectNode cpu = node.putObject("cpuMsPerOperation");
            m.cpuMillisPerOperation().forEach(cpu::put);
            if (!m.firstFailure().isEmpty()) {
                node.put("firstFailure", m.firstFailure());
            }
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
