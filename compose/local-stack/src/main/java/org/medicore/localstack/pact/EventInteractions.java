package org.medicore.localstack.pact;

import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.provider.junitsupport.filter.InteractionFilter;

import java.util.function.Predicate;

/**
 * {@code @PactFilter(value = "events", filter = EventInteractions.class)}: a producer's event
 * verification takes only the asynchronous messages, since the same service may also provide
 * gRPC calls to another consumer, verified elsewhere.
 */
public final class EventInteractions implements InteractionFilter<Interaction> {

    @Override
    public Predicate<Interaction> buildPredicate(String[] values) {
        return Interaction::isAsynchronousMessage;
    }
}
