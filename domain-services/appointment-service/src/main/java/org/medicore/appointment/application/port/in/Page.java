package org.medicore.appointment.application.port.in;

import org.medicore.support.port.paging.Paging;

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

    /** Which page: at most {@code size} items after skipping {@code offset}; the size as {@link Paging#size} says. */
    public record Request(int size, int offset) {

        public Request {
            size = Paging.size(size);
            if (offset < 0) {
                throw new IllegalArgumentException("offset must not be negative");
            }
        }
    }
}
