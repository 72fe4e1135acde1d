package org.medicore.localstack.pact;

/**
 * A value of a request that only the provider knows, such as the id of a patient its provider
 * state registered: the consumer writes {@code example}, the provider's state method returns the
 * real one under {@code name}, and Pact puts it into the request before the provider sees it.
 */
public record StateValue(String name, String example) {

    String expression() {
        return "${" + name + "}";
    }
}
