package org.medicore.bff.error;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/** A subscription that can't open, or fails later, ends with the same errors as a query would get. */
@Component
class SubscriptionErrors extends SubscriptionExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable failure) {
        return GraphQlErrors.toError(failure, GraphqlErrorBuilder::newError, "a subscription");
    }
}
