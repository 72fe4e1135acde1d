package org.medicore.bench;

import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a person waits for, timed in Debian's Chromium inside the same run: a newcomer's first
 * screen at a desktop's width and on a throttled phone, the demo patient's sign-in, and their
 * bookings from "Book an appointment" to the confirmation. The portal's own browser scripts do
 * the driving ({@code web-portal/e2e/timed-visit.mjs}, sharing the browser story's measuring).
 */
final class BrowserVisit {

    private static final Path SCRIPT = Path.of("web-portal", "e2e", "timed-visit.mjs");

    private final String portal;
    private final SystemCpu cpu;

    BrowserVisit(String portal, SystemCpu cpu) {
        this.portal = portal;
        this.cpu = cpu;
    }

    /** The bookings as a scenario; the first screens and the sign-in go to the report beside it. */
    Measured run(int visits, Report report) throws IOException, InterruptedException {
        Path webPortal = repositoryRoot().resolve("web-portal");
        if (!Files.isDirectory(webPortal.resolve("node_modules"))) {
            throw new IllegalStateException("the browser scenario needs the portal's packages: run `npm ci` in " + webPortal);
        }
        // The output goes to a file, so a browser that hangs is stopped at the deadline instead of blocking a read.
        Path log = Files.createTempFile("timed-visit", ".log");
        ProcessBuilder node = new ProcessBuilder("node", "e2e/timed-visit.mjs").directory(webPortal.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        node.environment().put("PORTAL_URL", portal);
        node.environment().put("VISITS", String.valueOf(visits));
        SystemCpu.Sample before = cpu.sample();
        long begin = System.nanoTime();
        Process run = node.start();
        boolean finished = run.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            run.destroyForcibly().waitFor();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        Map<String, Double> spent = cpu.sample().secondsSince(before);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        List<String> lines = output.lines().toList();
        if (!finished || run.exitValue() != 0 || lines.isEmpty() || !lines.getLast().startsWith("{")) {
            throw new IllegalStateException("the browser scenario failed against " + portal
                    + (finished ? "" : " (stopped after 5 minutes)") + ":\n" + output);
        }
        JsonNode figures = JsonMapper.shared().readTree(lines.getLast());
        report.browser(figures.path("firstScreens"), figures.path("signInMs").asLong());
        Histogram latencies = new Histogram(TimeUnit.MINUTES.toNanos(5), 3);
        figures.path("bookingsMs").forEach(ms -> latencies.recordValue(TimeUnit.MILLISECONDS.toNanos(ms.asLong())));
        JsonNode failures = figures.path("failures");
        return new Measured(BenchMain.BROWSER_BOOKING, 1, latencies.getTotalCount(), failures.size(), seconds, latencies, spent,
                failures.isEmpty() ? "" : failures.get(0).asString());
    }

    /** bench/run works from the repository's root, Maven's tests from the module's folder. */
    private static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path folder = here; folder != null; folder = folder.getParent()) {
            if (Files.exists(folder.resolve(SCRIPT))) {
                return folder;
            }
        }
        throw new IllegalStateException("no " + SCRIPT + " in " + here + " or above it");
    }
}
