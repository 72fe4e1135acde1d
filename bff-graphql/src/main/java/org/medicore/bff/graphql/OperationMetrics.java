package org.medicore.bff.graphql;

import io.micrometer.common.KeyValues;
import org.springframework.graphql.observation.DefaultExecutionRequestObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationContext;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Tags the {@code graphql.request} metrics with the operation's name, so rate, errors and latency
 * show per portal operation. Clients choose the names, so the number of distinct tags is capped:
 * past the cap, and for names that aren't plain identifiers, the tag is {@code other}.
 */
@Component
class OperationMetrics extends DefaultExecutionRequestObservationConvention {

    static final String KEY = "graphql.operation.name";
    private static final int MAX_NAMES = 200;
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private final Set<String> names = ConcurrentHashMap.newKeySet();

    @Override
    public KeyValues getLowCardinalityKeyValues(ExecutionRequestObservationContext context) {
        return super.getLowCardinalityKeyValues(context).and(KEY, nameOf(requestedOperation(context)));
    }

    /** The name the client asked for, or else the one its document gives the operation it ran. */
    private static String requestedOperation(ExecutionRequestObservationContext context) {
        String asked = context.getExecutionInput().getOperationName();
        if (asked != null || context.getExecutionContext() == null
                || context.getExecutionContext().getOperationDefinition() == null) {
            return asked;
        }
        return context.getExecutionContext().getOperationDefinition().getName();
    }

    private String nameOf(String operation) {
        if (operation == null || operation.isEmpty()) {
            return "anonymous";
        }
        if (!PLAIN.matcher(operation).matches()) {
            return "other";
        }
        if (names.contains(operation) || names.size() < MAX_NAMES && names.add(operation)) {
            return operation;
        }
        return "other";
    }
}
