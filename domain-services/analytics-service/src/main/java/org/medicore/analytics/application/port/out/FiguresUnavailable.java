package org.medicore.analytics.application.port.out;

/** The figures can't be read right now (the stores are being restored or rebalanced); asking again later works. */
public final class FiguresUnavailable extends RuntimeException {

    public FiguresUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
