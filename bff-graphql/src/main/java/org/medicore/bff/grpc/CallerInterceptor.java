package org.medicore.bff.grpc;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import org.medicore.bff.security.RealmRoles;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Works out the {@link Caller} of every GraphQL request and puts it into the GraphQLContext.
 * Over HTTP the token is the Authorization header (a bad one never gets here: the resource
 * server answers 401); over graphql-ws it is the {@code Authorization} entry of the
 * {@code connection_init} payload, verified with the same decoder before the connection is
 * accepted. A request without a token may only register a patient; anything else is answered
 * with an UNAUTHORIZED error before it runs.
 */
@Component
class CallerInterceptor implements WebSocketGraphQlInterceptor {

    private static final String BEARER = "Bearer ";
    private static final String SESSION_TOKEN = CallerInterceptor.class.getName() + ".token";
    private static final Set<String> ANONYMOUS_FIELDS = Set.of("registerPatient", "__typename");

    private final JwtDecoder tokens;

    CallerInterceptor(JwtDecoder tokens) {
        this.tokens = tokens;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        Optional<String> token = bearer(payload.get(HttpHeaders.AUTHORIZATION) instanceof String value ? value : null);
        if (token.isEmpty()) {
            return Mono.error(new IllegalStateException("connection_init needs an Authorization bearer token"));
        }
        try {
            tokens.decode(token.get());
        } catch (JwtException invalid) {
            return Mono.error(new IllegalStateException("the token was refused"));
        }
        session.getAttributes().put(SESSION_TOKEN, token.get());
        return Mono.empty();
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Optional<String> token = request instanceof WebSocketGraphQlRequest socket
                ? Optional.ofNullable((String) socket.getSessionInfo().getAttributes().get(SESSION_TOKEN))
                : bearer(request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        Optional<String> address = Optional.ofNullable(request.getRemoteAddress()).map(a -> a.getAddress().getHostAddress());
        if (token.isEmpty() && !onlyAnonymousFields(request)) {
            ExecutionResult refused = ExecutionResult.newExecutionResult().addError(GraphqlErrorBuilder.newError()
                    .errorType(ErrorType.UNAUTHORIZED).message("sign in first: only registerPatient works without a token")
                    .extensions(Map.of("code", "UNAUTHENTICATED")).build()).build();
            return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), refused)));
        }
        Caller caller = token.map(value -> {
            Jwt jwt = tokens.decode(value);
            return new Caller(token, Optional.of(jwt.getSubject()), new HashSet<>(RealmRoles.of(jwt)), address);
        }).orElseGet(() -> Caller.anonymous(address));
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(Caller.KEY, caller)).build());
        return chain.next(request);
    }

    private static Optional<String> bearer(String header) {
        return Optional.ofNullable(header)
                .filter(value -> value.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                .map(value -> value.substring(BEARER.length()).strip());
    }

    private static boolean onlyAnonymousFields(WebGraphQlRequest request) {
        try {
            Document document = Parser.parse(request.getDocument());
            List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
            return !operations.isEmpty() && operations.stream().allMatch(operation ->
                    operation.getOperation() == OperationDefinition.Operation.MUTATION
                            && operation.getSelectionSet().getSelections().stream().allMatch(Field.class::isInstance)
                            && operation.getSelectionSet().getSelectionsOfType(Field.class).stream()
                            .allMatch(field -> ANONYMOUS_FIELDS.contains(field.getName())));
        } catch (InvalidSyntaxException e) {
            return false;
        }
    }
}
