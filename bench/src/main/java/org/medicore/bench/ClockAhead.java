package org.medicore.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One process's wall clock moved ahead, and only its own: Debian's libfaketime ({@code apt-get install -y faketime})
 * preloaded into it, as a host whose clock drifted would run it. The monotonic clock stays true: the JVM times its
 * waits, timeouts and scheduling by it, and a host's drift moves only the wall clock too.
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
                "FAKETIME", "+" + ahead.toSeconds() + "s",
                "FAKETIME_DONT_FAKE_MONOTONIC", "1");
    }
}
