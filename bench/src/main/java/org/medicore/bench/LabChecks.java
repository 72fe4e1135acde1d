package org.medicore.bench;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lab uploads' invariants after the drain, read through the BFF's {@code labReport} (lab-processor's store, as
 * the patient sees it): every confirmed upload ends PROCESSED, NEEDS_REVIEW or REJECTED within a bound, none stays
 * on the way; and since the workload's PDF is one the processor reads in full ({@link LabUpload#PDF}), a report held
 * for review or rejected was judged for the fault (an unreadable object while the store was away), which must be
 * retried instead. Plus: every error the uploading clients met retryable.
 */
final class LabChecks {

    static final List<String> INVARIANTS = List.of("every confirmed lab upload ends processed, none stuck",
            "no lab report judged for an outage", "every lab upload error retryable");

    private static final String REPORT = "query Report($id: ID!) { labReport(id: $id) { status rejectionDetail } }";

    private final GraphQl graphQl;

    LabChecks(GraphQl graphQl) {
        this.graphQl = graphQl;
    }

    /** The verdicts of a scenario without lab uploads, so every scenario has the same columns. */
    static List<FaultChecks.Verdict> notRun() {
        return INVARIANTS.stream().map(invariant -> new FaultChecks.Verdict(invariant, true,
                "no lab uploads in this scenario (--lab-rate=0)")).toList();
    }

    /** Waits up to {@code within} for every confirmed upload's report to end, then judges. */
    List<FaultChecks.Verdict> check(List<LabWorkload.Upload> uploads, Map<String, String> refusalsSeen, Duration within)
            throws InterruptedException {
        List<String> confirmed = uploads.stream().filter(LabWorkload.Upload::confirmed)
                .map(upload -> upload.reportId().orElseThrow()).toList();
        long gaveUp = uploads.size() - confirmed.size();
        Instant began = Instant.now();
        Map<String, JsonNode> last = endedWithin(confirmed, within);
        Duration took = Duration.between(began, Instant.now());
        Map<String, Integer> byStatus = new TreeMap<>();
        last.values().forEach(report -> byStatus.merge(report.path("status").asString("unknown"), 1, Integer::sum));
        long ended = last.values().stream().filter(LabChecks::ended).count();
        long unreadable = confirmed.size() - last.size();
        List<FaultChecks.Verdict> verdicts = new ArrayList<>();
        verdicts.add(new FaultChecks.Verdict(INVARIANTS.get(0), ended == confirmed.size() && gaveUp == 0,
                "%d uploads, %d confirmed, %d given up; %d ended within %.0f s of the drain (all ended after %.1f s); by status %s%s"
                        .formatted(uploads.size(), confirmed.size(), gaveUp, ended, (double) within.toSeconds(),
                                took.toMillis() / 1000.0, byStatus,
                                unreadable == 0 ? "" : "; " + unreadable + " whose status could not be read")));
        Map<String, String> judged = new LinkedHashMap<>();
        last.forEach((id, report) -> {
            String status = report.path("status").asString();
            if (status.equals("REJECTED") || status.equals("NEEDS_REVIEW")) {
                judged.put(id, status + ": " + report.path("rejectionDetail").asString(""));
            }
        });
        verdicts.add(new FaultChecks.Verdict(INVARIANTS.get(1), judged.isEmpty(),
                judged.size() + " reports of a readable PDF rejected or held for review"
                        + (judged.isEmpty() ? "" : "; the first: " + judged.entrySet().iterator().next())));
        Map<String, Integer> failures = new TreeMap<>();
        uploads.forEach(upload -> upload.failures().forEach((kind, times) -> failures.merge(kind, times, Integer::sum)));
        verdicts.add(new FaultChecks.Verdict(INVARIANTS.get(2), refusalsSeen.isEmpty(),
                "failures seen by the uploading clients: " + (failures.isEmpty() ? "none" : failures)
                        + (refusalsSeen.isEmpty() ? "" : "; the first of each refusal: " + refusalsSeen)));
        return verdicts;
    }

    /** Report id -> its last status read; asks again for those on the way until all ended or {@code within} passed. */
    private Map<String, JsonNode> endedWithin(List<String> reportIds, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        Map<String, JsonNode> last = new LinkedHashMap<>();
        while (true) {
            for (String id : reportIds) {
                if (last.containsKey(id) && ended(last.get(id))) {
                    continue;
                }
                try {
                    last.put(id, graphQl.execute("patient", REPORT, Map.of("id", id)).path("labReport"));
                } catch (IOException | RuntimeException notNow) {
                    // the BFF may not serve yet after the fault; the next round asks again
                }
            }
            if (last.size() == reportIds.size() && last.values().stream().allMatch(LabChecks::ended)
                    || Instant.now().isAfter(deadline)) {
                return last;
            }
            Thread.sleep(1_000);
        }
    }

    private static boolean ended(JsonNode report) {
        return LabUpload.FINAL.contains(report.path("status").asString(""));
    }
}
