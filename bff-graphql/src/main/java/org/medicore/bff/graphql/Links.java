package org.medicore.bff.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** What a batch mapping returns: each source with the value found for its key; sources with none are left out (null in the response). */
public final class Links {

    private Links() {
    }

    public static <S, K, V> Map<S, V> byKey(List<S> sources, Function<S, K> key, Map<K, V> found) {
        Map<S, V> linked = new LinkedHashMap<>();
        sources.forEach(source -> {
            V value = found.get(key.apply(source));
            if (value != null) {
                linked.put(source, value);
            }
        });
        return linked;
    }
}
