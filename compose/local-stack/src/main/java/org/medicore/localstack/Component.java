package org.medicore.localstack;

import java.util.List;

/** One real piece of infrastructure the stack runs: started by its constructor's owner, closed once. */
public interface Component extends AutoCloseable {

    String name();

    /** What a person or a service needs to reach it, shown in the launcher's table. */
    List<Endpoint> endpoints();

    @Override
    void close();

    record Endpoint(String label, String address) {
    }
}
