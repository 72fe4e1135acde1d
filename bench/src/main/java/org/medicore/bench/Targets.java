package org.medicore.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The targets of issue 20, judged from one run's figures: each says what it asks, what was
 * measured and whether it holds. A target whose scenario did not run is left out, not passed.
 */
final class Targets {

    /** One target's outcome. */
    record Verdict(String target, String measured, boolean met) {
    }

    private final Report report;

    Targets(Report report) {
        this.report = report;
    }

    List<Verdict> verdicts() {
        List<Verdict> verdicts = new ArrayList<>();
        ratioToBookingSql(BenchMain.BOOKING_OVER_GRPC, 0.5).ifPresent(verdicts::add);
        ratioToBookingSql(BenchMain.BOOKING_THROUGH_BFF, 0.3).ifPresent(verdicts::add);
        first(BenchMain.DOCTOR_READ_BFF).ifPresent(read -> verdicts.add(new Verdict(
                "doctor's read: MediCore's own CPU <= 2.6 ms per read (380 reads/s per core)",
                String.format("%.2f ms", Report.ownCpu(read)), Report.ownCpu(read) <= 2.6)));
        first(BenchMain.DOCTOR_READ_BFF).flatMap(bff -> first(BenchMain.DOCTOR_READ_GRPC).map(direct -> new Verdict(
                "doctor's read through the BFF >= 0.8x the same RPCs called directly",
                String.format("%.2fx (%.1f/s vs %.1f/s)", bff.throughput() / direct.throughput(), bff.throughput(),
                        direct.throughput()), bff.throughput() >= 0.8 * direct.throughput()))).ifPresent(verdicts::add);
        latency(BenchMain.APPOINTMENT_PUSH, 50).ifPresent(verdicts::add);
        latency(BenchMain.ANALYTICS_PUSH, 1000).ifPresent(verdicts::add);
        latency(BenchMain.ANALYTICS_AFTER_BURST, 1000).ifPresent(verdicts::add);
        for (String scenario : List.of(BenchMain.BOOKING_OVER_GRPC, BenchMain.BOOKING_THROUGH_BFF, BenchMain.DOCTOR_READ_GRPC,
                BenchMain.DOCTOR_READ_BFF, BenchMain.PATIENT_DAY)) {
            queueing(scenario).ifPresent(verdicts::add);
        }
        return verdicts;
    }

    private Optional<Verdict> ratioToBookingSql(String scenario, double least) {
        return first(scenario).flatMap(m -> report.toBookingSql(m).map(ratio -> new Verdict(
                scenario + " >= " + least + "x pgbench running one booking's SQL",
                String.format("%.2fx (%.1f/s)", ratio, m.throughput()), ratio >= least)));
    }

    private Optional<Verdict> latency(String scenario, double p99Millis) {
        return first(scenario).map(m -> new Verdict(scenario + ": p99 < " + (int) p99Millis + " ms, nothing lost",
                String.format("p99 %.1f ms, %d lost or failed", m.percentileMillis(99), m.failures()),
                m.percentileMillis(99) < p99Millis && m.failures() == 0 && m.operations() > 0));
    }

    /** p99 at the most clients no worse than 4x p99 at the fewest: queueing, not collapse. */
    private Optional<Verdict> queueing(String scenario) {
        List<Measured> runs = runs(scenario).sorted(Comparator.comparingInt(Measured::clients)).toList();
        if (runs.size() < 2 || runs.getFirst().clients() == runs.getLast().clients()) {
            return Optional.empty();
        }
        Measured few = runs.getFirst();
        Measured many = runs.getLast();
        double ratio = many.percentileMillis(99) / Math.max(few.percentileMillis(99), 0.001);
        return Optional.of(new Verdict(String.format("%s: p99 at %d clients <= 4x p99 at %d", scenario, many.clients(), few.clients()),
                String.format("%.1fx (%.1f ms vs %.1f ms)", ratio, many.percentileMillis(99), few.percentileMillis(99)), ratio <= 4));
    }

    private Optional<Measured> first(String scenario) {
        return runs(scenario).findFirst();
    }

    private Stream<Measured> runs(String scenario) {
        return report.scenarios().stream().filter(m -> m.scenario().startsWith(scenario));
    }
}
