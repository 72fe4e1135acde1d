package org.medicore.bff.grpc;

import org.junit.jupiter.api.Test;
import org.medicore.bff.support.MovingClock;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A graphql-ws connection lives as long as its token: {@link CallerInterceptor} with a token
 * decoder that is a fake port (the real one is Keycloak's, whose tokens live five minutes).
 */
class ExpiringConnectionTest {

    private static final Instant NOW = Instant.parse("2026-12-02T04:00:00Z");

    private final Connection connection = new Connection();

    @Test
    void a_connection_is_closed_with_4401_when_its_token_expires_which_ends_its_subscriptions() throws Exception {
        AtomicReference<Instant> expiry = new AtomicReference<>();
        CallerInterceptor interceptor = new CallerInterceptor(token -> aToken(expiry.updateAndGet(
                unset -> Instant.now().plusSeconds(1))), Clock.systemUTC(), Schedulers.parallel());

        interceptor.handleConnectionInitialization(connection, Map.of("Authorization", "Bearer soon")).block();

        assertThat(connection.closed.get(10, TimeUnit.SECONDS).getCode()).isEqualTo(4401);
        assertThat(connection.closedAt).isAfterOrEqualTo(expiry.get());
    }

    @Test
    void an_operation_sent_after_the_token_expired_is_not_run_and_closes_the_connection_with_4401() throws Exception {
        MovingClock clock = new MovingClock(NOW);
        CallerInterceptor interceptor = new CallerInterceptor(token -> aToken(NOW.plusSeconds(300)), clock, Schedulers.parallel());
        interceptor.handleConnectionInitialization(connection, Map.of("Authorization", "Bearer valid")).block();

        clock.now = NOW.plusSeconds(301);
        AtomicBoolean ran = new AtomicBoolean();
        var response = interceptor.intercept(aSubscription(), request -> {
            ran.set(true);
            return Mono.empty();
        }).block();

        assertThat(response).isNull();
        assertThat(ran).isFalse();
        assertThat(connection.closed.get(5, TimeUnit.SECONDS).getCode()).isEqualTo(4401);
    }

    @Test
    void a_token_the_decoder_refuses_by_now_closes_the_connection_with_4401_not_an_internal_error() throws Exception {
        AtomicBoolean refuse = new AtomicBoolean();
        JwtDecoder decoder = token -> {
            if (refuse.get()) {
                throw new JwtValidationException("expired", List.of(new OAuth2Error("invalid_token")));
            }
            return aToken(NOW.plusSeconds(300));
        };
        CallerInterceptor interceptor = new CallerInterceptor(decoder, Clock.fixed(NOW, ZoneOffset.UTC), Schedulers.parallel());
        interceptor.handleConnectionInitialization(connection, Map.of("Authorization", "Bearer valid")).block();

        refuse.set(true);
        interceptor.intercept(aSubscription(), request -> Mono.empty()).block();

        assertThat(connection.closed.get(5, TimeUnit.SECONDS).getCode()).isEqualTo(4401);
    }

    @Test
    void the_expiry_timer_stops_with_the_connection() throws Exception {
        CallerInterceptor interceptor = new CallerInterceptor(token -> aToken(Instant.now().plusSeconds(1)),
                Clock.systemUTC(), Schedulers.parallel());
        interceptor.handleConnectionInitialization(connection, Map.of("Authorization", "Bearer soon")).block();

        interceptor.handleConnectionClosed(connection, 1000, Map.of());
        Thread.sleep(1500);

        assertThat(connection.closed).isNotDone();
    }

    private WebSocketGraphQlRequest aSubscription() {
        return new WebSocketGraphQlRequest(URI.create("ws://127.0.0.1/graphql"), new HttpHeaders(), null,
                new InetSocketAddress("127.0.0.1", 40000), Map.of(), Map.of("query", "subscription { analytics { bookings } }"),
                "1", Locale.ROOT, connection);
    }

    private static Jwt aToken(Instant expiresAt) {
        return Jwt.withTokenValue("token").header("alg", "RS256").subject("a-patient")
                .issuedAt(expiresAt.minusSeconds(300)).expiresAt(expiresAt).build();
    }

    /** The session info the interceptor sees, with the WebSocket session among its attributes. */
    private static final class Connection implements WebSocketSessionInfo {

        final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
        volatile Instant closedAt;
        private final Map<String, Object> attributes = new ConcurrentHashMap<>();

        Connection() {
            attributes.put(SocketSessions.SESSION, Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[]{WebSocketSession.class}, (proxy, method, arguments) -> switch (method.getName()) {
                        case "isOpen" -> !closed.isDone();
                        case "close" -> {
                            closedAt = Instant.now();
                            closed.complete(arguments == null ? CloseStatus.NORMAL : (CloseStatus) arguments[0]);
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }));
        }

        @Override
        public String getId() {
            return "1";
        }

        @Override
        public Map<String, Object> getAttributes() {
            return attributes;
        }

        @Override
        public URI getUri() {
            return URI.create("ws://127.0.0.1/graphql");
        }

        @Override
        public HttpHeaders getHeaders() {
            return new HttpHeaders();
        }

        @Override
        public Mono<Principal> getPrincipal() {
            return Mono.empty();
        }

        @Override
        public InetSocketAddress getRemoteAddress() {
            return new InetSocketAddress("127.0.0.1", 40000);
        }
    }
}
