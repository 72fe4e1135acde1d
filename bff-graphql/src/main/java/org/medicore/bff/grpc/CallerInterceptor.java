package org.medicore.bff.grpc;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Puts the request's bearer token and client address into the GraphQLContext as the {@link Caller}.
 * A request without a token may only register a patient; anything else is answered with an
 * UNAUTHORIZED error before it runs. (A token that is present but invalid never gets here: the
 * resource server refuses it with 401.)
 */
@Component
class CallerInterceptor implements WebGraphQlInterceptor {

    private static final String BEARER = "Bearer ";
    private static final Set<String> ANONYMOUS_FIELDS = Set.of("registerPatient", "__typename");

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Optional<String> token = Optional.ofNullable(request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION))
                .filter(value -> value.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                .map(value -> value.substring(BEARER.length()).strip());
        if (token.isEmpty() && !onlyAnonymousFields(request)) {
            ExecutionResult refused = ExecutionResult.newExecutionResult().addError(GraphqlErrorBuilder.newError()
                    .errorType(ErrorType.UNAUTHORIZED).message("sign in first: only registerPatient works without a token")
                    .extensions(Map.of("code", "UNAUTHENTICATED")).build()).build();
            return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), refused)));
        }
        Optional<String> address = Optional.ofNullable(request.getRemoteAddress()).map(a -> a.getAddress().getHostAddress());
        request.configureExecutionInput((input, builder) -> builder
                .graphQLContext(Map.of(Caller.KEY, new Caller(token, address))).build());
        return chain.next(request);
    }

    private static boolean onlyAnonymousFields(WebGraphQlRequest request) {
        try {
            Document document = Parser.parse(request.getDocument());
            List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
            return !operations.isEmpty() && operations.stream().allMatch(operation ->
                    operation.getOperation() == OperationDefinition.Operation.MUTATION
                            && operation.getSelectionSet().getSelectionsOfType(Field.class).stream()
                            .allMatch(field -> ANONYMOUS_FIELDS.contains(field.getName()))
                            && operation.getSelectionSet().getSelections().stream().allMatch(Field.class::isInstance));
        } catch (InvalidSyntaxException e) {
            return false;
        }
    }
}
