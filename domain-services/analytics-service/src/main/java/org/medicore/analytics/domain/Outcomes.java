package org.medicore.analytics.domain;

/** How appointments that started in some period ended: completed or missed. */
public record Outcomes(long completions, long noShows) {

    public static final Outcomes NONE = new Outcomes(0, 0);

    public Outcomes plus(Outcomes other) {
        return new Outcomes(completions + other.completions, noShows + other.noShows);
    }

    /** No-shows / (completions + no-shows) in basis points, rounded half up; 0 when nothing ended. */
    public int noShowRateBasisPoints() {
        long ended = completions + noShows;
        return ended == 0 ? 0 : (int) ((noShows * 10_000 * 2 + ended) / (2 * ended));
    }
}
