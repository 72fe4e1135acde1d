package org.medicore.bff.error;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;


/**
 * No error message longer than {@value #LIMIT} characters leaves the BFF: graphql-java's own
 * messages for a value that doesn't fit a variable's type quote the value, which may be huge.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BoundedErrorMessages implements WebGraphQlInterceptor {

    static final int LIMIT = 300;

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> response.getErrors().stream().noneMatch(BoundedErrorMessages::tooLong)
                ? response
                : response.transform(builder -> builder.errors(response.getErrors().stream()
                .map(BoundedErrorMessages::bounded).toList())));
    }

    private static boolean tooLong(ResponseError error) {
        return error.getMessage() != null && error.getMessage().length() > LIMIT;
    }

    private static GraphQLError bounded(ResponseError error) {
        return GraphqlErrorBuilder.newError()
                .message(tooLong(error) ? error.getMessage().substring(0, LIMIT - 1) + "…" : error.getMessage())
                .errorType(error.getErrorType())
                .extensions(error.getExtensions())
                .locations(error.getLocations())
                .path(error.getParsedPath())
                .build();
    }
}
