package org.medicore.bench;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The clock-ahead fault moves the wall clock of the process it starts, and of no other. */
class ClockAheadTest {

    @Test
    void a_process_started_with_its_clock_ahead_reads_the_hosts_time_plus_the_skew() throws Exception {
        assertThat(ClockAhead.library()).as(ClockAhead.MISSING).isPresent();
        ProcessBuilder date = new ProcessBuilder("date", "+%s");
        date.environment().putAll(ClockAhead.environment(Duration.ofMinutes(5)));
        Process process = date.start();
        long seen = Long.parseLong(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());

        assertThat(process.waitFor()).isZero();
        assertThat(Duration.between(Instant.now(), Instant.ofEpochSecond(seen)))
                .isBetween(Duration.ofMinutes(5).minusSeconds(5), Duration.ofMinutes(5).plusSeconds(5));
    }
}
