package org.medicore.support.port.paging;

/**
 * The size rule of every list call, as {@code medicore.common.v1.PageRequest} promises it, and
 * the field paths and words a refused page is reported with.
 */
public final class Paging {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public static final String SIZE_FIELD = "page.page_size";
    public static final String NEGATIVE_SIZE = "must not be negative";
    public static final String TOKEN_FIELD = "page.page_token";
    public static final String FOREIGN_TOKEN = "is not a page token of this list";

    private Paging() {
    }

    /** Whether {@code requested} may be asked for at all; a negative size is refused on {@link #SIZE_FIELD}. */
    public static boolean isAllowedSize(int requested) {
        return requested >= 0;
    }

    /** The number of items a page of {@code requested} holds: the default for 0 (unset), capped at the maximum. */
    public static int size(int requested) {
        return requested <= 0 ? DEFAULT_SIZE : Math.min(requested, MAX_SIZE);
    }
}
