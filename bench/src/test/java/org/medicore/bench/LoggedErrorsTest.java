package org.medicore.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LoggedErrorsTest {

    private static String error(String time, String message, String type, String cause) {
        return ("{\"@timestamp\":\"%s\",\"log\":{\"level\":\"ERROR\",\"logger\":\"org.medicore.X\"},\"message\":\"%s\","
                + "\"error\":{\"type\":\"%s\",\"message\":\"boom\",\"stack_trace\":\"%s: boom\\n\\tat x\\nCaused by: %s\\n\"}}")
                .formatted(time, message, type, type, cause);
    }

    @Test
    void errors_are_counted_by_service_and_failure_with_their_innermost_cause(@TempDir Path logs) throws Exception {
        Files.writeString(logs.resolve("appointment-service.log"), String.join("\n",
                error("2026-12-03T10:36:50.1Z", "call failed", "java.lang.NullPointerException",
                        "java.sql.SQLException: no connection until 2026-12-03T10:36:51.282268158Z"),
                error("2026-12-03T10:36:50.2Z", "call failed", "java.lang.NullPointerException",
                        "java.sql.SQLException: no connection until 2026-12-03T10:36:52.000000001Z"),
                "{\"log\":{\"level\":\"INFO\"},\"message\":\"started\"}",
                "a line that is not JSON"));
        Files.writeString(logs.resolve("billing-service.log"), "");

        String summary = LoggedErrors.summary(logs);

        assertThat(summary).contains("2 x appointment-service: org.medicore.X 'call failed' java.lang.NullPointerException: boom;"
                + " caused by java.sql.SQLException: no connection until <time>").doesNotContain("billing-service");
    }

    @Test
    void a_quiet_run_says_so(@TempDir Path logs) throws Exception {
        Files.writeString(logs.resolve("patient-service.log"), "{\"log\":{\"level\":\"INFO\"},\"message\":\"started\"}\n");

        assertThat(LoggedErrors.summary(logs)).isEqualTo("no service logged an error");
    }
}
