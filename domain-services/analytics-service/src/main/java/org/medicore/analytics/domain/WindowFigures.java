package org.medicore.analytics.domain;

import java.time.Instant;
import java.util.Objects;

/** The figures of one tumbling window for one dimension value; {@code closed} once they no longer change. */
public record WindowFigures(DimensionKey key, Instant start, Instant end, WindowCounts counts, boolean closed) {

    public WindowFigures {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(counts, "counts");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a window ends after it starts");
        }
    }

    /** {@code <dimension>/<value>/<window start>}, the window's identity on the analytics topic. */
    public String windowKey() {
        return key.asText() + "/" + start;
    }
}
