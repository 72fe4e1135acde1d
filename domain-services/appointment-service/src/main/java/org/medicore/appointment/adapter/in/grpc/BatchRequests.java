package org.medicore.appointment.adapter.in.grpc;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/** The rules every batch call shares: at most 100 ids, each valid, and a per-patient limit of 1..50. */
final class BatchRequests {

    static final int MAX_IDS = 100;
    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 50;

    private BatchRequests() {
    }

    /** Each id parsed, its field named with its index (e.g. {@code patient_ids[3]}) when it is malformed. */
    static <T> List<T> ids(String field, List<String> ids, BiFunction<String, String, T> parse) {
        if (ids.size() > MAX_IDS) {
            throw new InvalidField(field, "at most " + MAX_IDS + " ids per call");
        }
        return java.util.stream.IntStream.range(0, ids.size())
                .mapToObj(i -> parse.apply(field + "[" + i + "]", ids.get(i))).toList();
    }

    static int limitPerPatient(int asked) {
        if (asked == 0) {
            return DEFAULT_LIMIT;
        }
        if (asked < 1 || asked > MAX_LIMIT) {
            throw new InvalidField("limit_per_patient", "must be between 1 and " + MAX_LIMIT);
        }
        return asked;
    }

    /** The asked ids not among {@code found}, each once, in the order asked. */
    static List<String> missing(List<String> asked, List<String> found) {
        Set<String> answered = new HashSet<>(found);
        return asked.stream().distinct().filter(id -> !answered.contains(id)).toList();
    }
}
