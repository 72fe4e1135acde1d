package org.medicore.bff.grpc;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import org.medicore.support.security.RealmRoles;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * <p>
 * A graphql-ws connection lives as long as its token: when the token expires the connection is
 * closed with 4401 (what graphql-ws clients take as "sign in again"), which ends its
 * subscriptions; an operation sent on it after that is not run and closes it the same way.
 */
@Component
class CallerInterceptor implements WebSocketGraphQlInterceptor {

    private static final String BEARER = "Bearer ";
    private static final String SESSION_TOKEN = CallerInterceptor.class.getName() + ".token";
    private static final String SESSION_EXPIRY = CallerInterceptor.class.getName() + ".expiry";
    private static final CloseStatus TOKEN_EXPIRED = new CloseStatus(4401, "Unauthorized: the token has expired");
    private static final Set<String> ANONYMOUS_FIELDS = Set.of("registerPatient", "__typename");

    private final JwtDecoder tokens;
    private final Clock clock;
    private final Scheduler timers;

    @Autowired
    CallerInterceptor(JwtDecoder tokens) {
        this(tokens, Clock.systemUTC(), Schedulers.parallel());
    }

    CallerInterceptor(JwtDecoder tokens, Clock clock, Scheduler timers) {
        this.tokens = tokens;
        this.clock = clock;
        this.timers = timers;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        Optional<String> token = bearer(payload.get(HttpHeaders.AUTHORIZATION) instanceof String value ? value : null);
        if (token.isEmpty()) {
            return Mono.error(new IllegalStateException("connection_init needs an Authorization bearer token"));
        }
        Jwt jwt;
        try {
            jwt = tokens.decode(token.get());
        } catch (JwtException invalid) {
            return Mono.error(new IllegalStateException("the token was refused"));
        }
        if (expired(jwt)) {
            return Mono.error(new IllegalStateException("the token has expired"));
        }
        session.getAttributes().put(SESSION_TOKEN, token.get());
        if (jwt.getExpiresAt() != null) {
            Disposable expiry = Mono.delay(Duration.between(clock.instant(), jwt.getExpiresAt()), timers)
                    .subscribe(elapsed -> closeExpired(session));
            session.getAttributes().put(SESSION_EXPIRY, expiry);
        }
        return Mono.empty();
    }

    @Override
    public void handleConnectionClosed(WebSocketSessionInfo session, int statusCode, Map<String, Object> payload) {
        if (session.getAttributes().remove(SESSION_EXPIRY) instanceof Disposable expiry) {
            expiry.dispose();
        }
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Optional<String> token = request instanceof WebSocketGraphQlRequest socket
                ? Optional.ofNullable((String) socket.getSessionInfo().getAttributes().get(SESSION_TOKEN))
                : bearer(request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        Optional<Jwt> verified;
        try {
            verified = token.map(tokens::decode).filter(jwt -> !expired(jwt));
        } catch (JwtException expiredOrRevoked) {
            verified = Optional.empty();
        }
        if (request instanceof WebSocketGraphQlRequest socket && verified.isEmpty()) {
            closeExpired(socket.getSessionInfo());
            return Mono.empty();
        }
        Optional<String> address = Optional.ofNullable(request.getRemoteAddress()).map(a -> a.getAddress().getHostAddress());
        if (token.isEmpty() && !onlyAnonymousFields(request)) {
            ExecutionResult refused = ExecutionResult.newExecutionResult().addError(GraphqlErrorBuilder.newError()
                    .errorType(ErrorType.UNAUTHORIZED).message("sign in first: only registerPatient works without a token")
                    .extensions(Map.of("code", "UNAUTHENTICATED")).build()).build();
            return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), refused)));
        }
        Caller caller = verified.map(jwt -> new Caller(token, Optional.of(jwt.getSubject()),
                        new HashSet<>(RealmRoles.of(jwt)), address, Optional.of(jwt)))
                .orElseGet(() -> Caller.anonymous(address));
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(Caller.KEY, caller)).build());
        return chain.next(request);
    }

    /** Expired by the token's own time, without the decoder's minute of leeway for clock skew. */
    private boolean expired(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt != null && !clock.instant().isBefore(expiresAt);
    }

    private static void closeExpired(WebSocketSessionInfo session) {
        if (session.getAttributes().get(SocketSessions.SESSION) instanceof WebSocketSession socket && socket.isOpen()) {
            try {
                socket.close(TOKEN_EXPIRED);
            } catch (IOException alreadyGone) {
                // the client went away meanwhile: nothing is left to close
            }
        }
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
