package org.medicore.support.audit;

import java.util.List;

/** Whether an operation reads patient data or changes it. */
public enum Action {
    READ, CHANGE;

    private static final List<String> READ_VERBS = List.of("Get", "List", "Search", "BatchGet", "BatchList");

    /** By the RPC's verb: every service names its reads Get, List, Search or Batch(Get|List). */
    public static Action of(String operation) {
        return READ_VERBS.stream().anyMatch(operation::startsWith) ? READ : CHANGE;
    }
}
