package org.medicore.appointment.adapter.in.grpc;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What the batch calls answer for the ids asked that they did not find. */
final class BatchRequests {

    private BatchRequests() {
    }

    /** The asked ids not among {@code found}, each once, in the order asked. */
    static List<String> missing(List<String> asked, List<String> found) {
        Set<String> answered = new HashSet<>(found);
        return asked.stream().distinct().filter(id -> !answered.contains(id)).toList();
    }
}
