package org.medicore.analytics.application.port.out;

import org.medicore.analytics.domain.DimensionKey;
import org.medicore.analytics.domain.WindowFigures;

import java.time.Instant;
import java.util.List;

/** The current figures of the tumbling windows kept for a dimension value. */
public interface LoadWindowFigures {

    /** Windows of {@code key} starting in [{@code from}, {@code to}], oldest first. */
    List<WindowFigures> windows(DimensionKey key, Instant from, Instant to);
}
