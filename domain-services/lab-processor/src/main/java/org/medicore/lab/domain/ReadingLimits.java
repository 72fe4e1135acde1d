package org.medicore.lab.domain;

import java.time.Duration;

/** How much of one report the processor reads: pages, and time, so one report cannot hold a worker for long. */
public record ReadingLimits(int maxPages, Duration timeBudget) {

    public ReadingLimits {
        if (maxPages < 1 || timeBudget.isNegative() || timeBudget.isZero()) {
            throw new IllegalArgumentException("at least one page and some time per report");
        }
    }
}
