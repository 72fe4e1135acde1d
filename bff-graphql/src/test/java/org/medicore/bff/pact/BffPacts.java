package org.medicore.bff.pact;

/** The BFF's name in every pact it is the consumer of. */
public final class BffPacts {

    public static final String CONSUMER = "bff-graphql";

    private BffPacts() {
    }
}
