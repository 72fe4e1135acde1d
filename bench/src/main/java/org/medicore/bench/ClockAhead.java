package org.medicore.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One process's wall clock moved ahead, and only its own: Debian's libfaketime ({@code apt-get install -y faketime})
 * preloaded into it, as a host whose clock drifted would run it. libfaketime moves the monotonic clock by the same
 * constant, which leaves every interval the JVM times its waits, timeouts and scheduling by as it was (its timed waits
 * on a monotonic condition, which libfaketime translates, were tried: sleeps and scheduled tasks keep time). Keeping
 * the monotonic clock true instead ({@code FAKETIME_DONT_FAKE_MONOTONIC=1}) works as well, but makes every clock read
 * of the JVM about five times dearer (1 µs instead of 0.2 µs, measured here), and a service took over 5 minutes to
 * start so on a loaded machine.
 */
final class ClockAhead {

    static final String MISSING = "the clock-ahead scenarios need Debian's faketime (libfaketime): apt-get install -y faketime";

    private static final List<Path> LIBRARIES = List.of(
            Path.of("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1"),
            Path.of("/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1"),
            Path.of("/usr/lib/faketime/libfaketime.so.1"));

    private ClockAhead() {
    }

    static Optional<Path> library() {
        return LIBRARIES.stream().filter(Files::isRegularFile).findFirst();
    }

    /** The environment that starts a process with its wall clock {@code ahead} of the host's. */
    static Map<String, String> environment(Duration ahead) {
        Path library = library().orElseThrow(() -> new IllegalStateException(MISSING));
        return Map.of("LD_PRELOAD", library.toString(),
                "FAKETIME", "+" + ahead.toSeconds() + "s");
    }
}
