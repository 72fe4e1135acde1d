package org.medicore.bench;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the services logged at ERROR, counted by service and failure: a broken invariant seen once in CI, where the
 * system's folder goes with the JVM, is explained by this summary or not at all. The services log one JSON object
 * per line (ECS); other lines are not theirs and are passed over.
 */
final class LoggedErrors {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int SHOWN = 240;
    private static final int LISTED = 12;

    private LoggedErrors() {
    }

    static String summary(Path logDirectory) {
        Map<String, Integer> counted = new TreeMap<>();
        try (Stream<Path> logs = Files.list(logDirectory)) {
            for (Path log : logs.filter(path -> path.toString().endsWith(".log")).sorted().toList()) {
                String service = log.getFileName().toString().replaceFirst("\\.log$", "");
                try (Stream<String> lines = Files.lines(log)) {
                    lines.filter(line -> line.contains("\"ERROR\"")).map(LoggedErrors::failure)
                            .forEach(failure -> counted.merge(service + ": " + failure, 1, Integer::sum));
                }
            }
        } catch (IOException | UncheckedIOException unreadable) {
            return "the services' logs could not be read: " + unreadable.getMessage();
        }
        if (counted.isEmpty()) {
            return "no service logged an error";
        }
        List<String> listed = counted.entrySet().stream().limit(LISTED)
                .map(entry -> "  " + entry.getValue() + " x " + entry.getKey()).toList();
        String more = counted.size() > LISTED ? "\n  and " + (counted.size() - LISTED) + " other failures" : "";
        return "errors the services logged:\n" + String.join("\n", listed) + more;
    }

    /** The logger, the exception and its message, and the innermost cause: what tells one failure from another. */
    private static String failure(String line) {
        try {
            JsonNode entry = JSON.readTree(line);
            JsonNode error = entry.path("error");
            String trace = error.path("stack_trace").asString("");
            String cause = trace.lines().filter(traceLine -> traceLine.startsWith("Caused by: ")).reduce((first, last) -> last)
                    .map(last -> "; caused by " + cut(last.substring("Caused by: ".length()))).orElse("");
            return entry.path("log").path("logger").asString("?") + " '" + cut(entry.path("message").asString("")) + "' "
                    + cut(error.path("type").asString("") + ": " + error.path("message").asString("")) + cause;
        } catch (JacksonException notJson) {
            return cut(line);
        }
    }

    /** One line, at most {@value #SHOWN} characters, times and long numbers blanked so one failure counts as one. */
    private static String cut(String text) {
        String oneLine = text.replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z", "<time>").replaceAll("[0-9a-f-]{16,}", "<id>")
                .replaceAll("\\s+", " ").strip();
        return oneLine.length() <= SHOWN ? oneLine : oneLine.substring(0, SHOWN) + "…";
    }
}
