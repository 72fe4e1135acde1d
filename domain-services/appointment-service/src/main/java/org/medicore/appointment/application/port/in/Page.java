package org.medicore.appointment.application.port.in;

import java.util.List;
import java.util.OptionalInt;

/** One page of a list; {@code nextOffset} is empty on the last page. */
public record Page<T>(List<T> items, OptionalInt nextOffset, long totalSize) {

    public Page {
        items = List.copyOf(items);
    }

    /** The page {@code request} asked for, of a list of {@code totalSize} items in all. */
    public static <T> Page<T> of(List<T> items, Request request, long totalSize) {
        int next = request.offset() + items.size();
        return new Page<>(items, next < totalSize ? OptionalInt.of(next) : OptionalInt.empty(), totalSize);
    }

    /** Which page: at most {@code size} items after skipping {@code offset}. */
    public record Request(int size, int offset) {

        public static final int DEFAULT_SIZE = 20;
        public static final int MAX_SIZE = 100;

        public Request {
            size = size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
            if (offset < 0) {
                throw new IllegalArgumentException("offset must not be negative");
            }
        }
    }
}
