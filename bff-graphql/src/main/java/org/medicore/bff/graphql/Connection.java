package org.medicore.bff.graphql;

import java.util.List;

/**
 * A Relay connection over a page of a service's list. The services page with opaque tokens, so a
 * cursor is the token of the page that follows: {@code pageInfo.endCursor} (also the last edge's
 * cursor) continues the list; {@code after} on the query passes it back.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, Long totalCount) {

    public record Edge<T>(T node, String cursor) {
    }

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    /** {@code total} below 0 means the service could not count cheaply. */
    public static <T> Connection<T> of(List<T> items, String after, String nextPageToken, long total) {
        String start = after == null ? "" : after;
        List<Edge<T>> edges = items.stream().map(item -> new Edge<>(item, nextPageToken)).toList();
        return new Connection<>(edges, new PageInfo(!nextPageToken.isEmpty(), !start.isEmpty(), start,
                nextPageToken.isEmpty() ? null : nextPageToken), total < 0 ? null : total);
    }
}
