package org.medicore.fhir.records;

import org.medicore.contracts.common.v1.PageInfo;
import org.medicore.contracts.common.v1.PageRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Every item of a list a service answers in pages: page after page, 100 at a time (the services' most), until it names no next one. */
public final class Pages {

    private static final int SIZE = 100;

    private Pages() {
    }

    public static <R, T> List<T> all(Function<PageRequest, R> call, Function<R, List<T>> items, Function<R, PageInfo> info) {
        List<T> all = new ArrayList<>();
        String token = "";
        do {
            R page = call.apply(PageRequest.newBuilder().setPageSize(SIZE).setPageToken(token).build());
            all.addAll(items.apply(page));
            token = info.apply(page).getNextPageToken();
        } while (!token.isEmpty());
        return all;
    }
}
