package org.medicore.bff.graphql;

import org.medicore.bff.error.InvalidArgument;

/** The cap on {@code first}: a page of at most 100 keeps one query from asking a service for everything. */
public final class PageSize {

    public static final int DEFAULT = 20;
    public static final int MAX = 100;

    private PageSize() {
    }

    public static int of(Integer first, String argument) {
        if (first == null) {
            return DEFAULT;
        }
        if (first < 1 || first > MAX) {
            throw new InvalidArgument(argument, "must be between 1 and " + MAX);
        }
        return first;
    }
}
