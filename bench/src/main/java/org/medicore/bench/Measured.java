package org.medicore.bench;

import org.HdrHistogram.Histogram;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One scenario's outcome: operations that succeeded and failed in the measured interval, their
 * latencies, and the CPU each process of the system spent meanwhile (seconds).
 */
record Measured(String scenario, int clients, long operations, long failures, double seconds, Histogram latencies,
                Map<String, Double> cpuSeconds, String firstFailure) {

    double throughput() {
        return seconds == 0 ? 0 : operations / seconds;
    }

    double percentileMillis(double percentile) {
        return latencies.getTotalCount() == 0 ? 0 : latencies.getValueAtPercentile(percentile) / 1_000_000.0;
    }

    /** CPU milliseconds per successful operation, per process. */
    Map<String, Double> cpuMillisPerOperation() {
        Map<String, Double> perOperation = new LinkedHashMap<>();
        cpuSeconds.forEach((process, cpu) -> perOperation.put(process, operations == 0 ? 0 : cpu * 1000 / operations));
        return perOperation;
    }
}
