package org.medicore.localstack.pact;

import java.math.BigDecimal;

/**
 * A value of a request that only the provider knows, such as the id of a patient its provider
 * state registered: the consumer writes {@code example}, the provider's state method returns the
 * real one under {@code name}, and Pact puts it into the request before the provider sees it.
 * A numeric one stands for a JSON number (a day of a {@code google.type.Date}), any other for a
 * JSON string (ids, int64s, instants).
 */
public record StateValue(String name, String example, boolean numeric) {

    public StateValue(String name, String example) {
        this(name, example, false);
    }

    public static StateValue number(String name, int example) {
        return new StateValue(name, String.valueOf(example), true);
    }

    String expression() {
        return "${" + name + "}";
    }

    Object typedExample() {
        return numeric ? new BigDecimal(example).intValueExact() : example;
    }
}
