package org.medicore.patient.application.port.in;

import java.util.List;

/** One page of a list; an empty next-page token on the last page. */
public record Page<T>(List<T> items, String nextPageToken) {

    public Page {
        items = List.copyOf(items);
        nextPageToken = nextPageToken == null ? "" : nextPageToken;
    }
}
