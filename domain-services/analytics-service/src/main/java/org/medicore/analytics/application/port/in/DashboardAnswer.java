package org.medicore.analytics.application.port.in;

import java.net.URI;

/** What a dashboard query finds on this instance. */
public sealed interface DashboardAnswer<T> {

    record Figures<T>(T figures) implements DashboardAnswer<T> {
    }

    /** Another instance holds the figures; ask it (same path) at {@code instance}. */
    record HeldElsewhere<T>(URI instance) implements DashboardAnswer<T> {
    }

    /** Nothing was counted for it yet. */
    record NoFigures<T>() implements DashboardAnswer<T> {
    }
}
