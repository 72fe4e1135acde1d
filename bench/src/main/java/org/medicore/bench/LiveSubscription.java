package org.medicore.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One GraphQL subscription over graphql-ws (protocol graphql-transport-ws, the token in
 * {@code connection_init}, as the portal sends it): each pushed {@code data} goes to a listener;
 * an error or an end the client did not ask for is kept as the first failure.
 */
final class LiveSubscription implements AutoCloseable {

    private final WebSocket socket;
    private final AtomicReference<String> firstFailure = new AtomicReference<>("");

    private LiveSubscription(WebSocket socket) {
        this.socket = socket;
    }

    /** Opens it and waits half a second, so the BFF's Kafka consumer has it before the first change is made. */
    static LiveSubscription open(Target target, String token, String query, Map<String, Object> variables,
                                 Consumer<JsonNode> onData) throws Exception {
        LiveSubscription subscription = openNow(target, token, query, variables, onData);
        Thread.sleep(500);
        return subscription;
    }

    /** Opens it without waiting: for a subscription whose first answer is the state now, as the lab report's status is. */
    static LiveSubscription openNow(Target target, String token, String query, Map<String, Object> variables,
                                    Consumer<JsonNode> onData) throws Exception {
        CountDownLatch acknowledged = new CountDownLatch(1);
        AtomicReference<LiveSubscription> self = new AtomicReference<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(target.bffWebSocket()), new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            JsonNode message = JsonMapper.shared().readTree(partial.toString());
                            partial.setLength(0);
                            switch (message.path("type").asString()) {
                                case "connection_ack" -> acknowledged.countDown();
                                case "ping" -> webSocket.sendText("{\"type\":\"pong\"}", true);
                                case "next" -> onData.accept(message.path("payload").path("data"));
                                case "error", "complete" -> self.get().firstFailure.compareAndSet("", message.toString());
                                default -> {
                                }
                            }
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        LiveSubscription subscription = new LiveSubscription(socket);
        self.set(subscription);
        socket.sendText(JsonMapper.shared().writeValueAsString(Map.of("type", "connection_init",
                "payload", Map.of("Authorization", "Bearer " + token))), true).get();
        if (!acknowledged.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the BFF did not acknowledge the graphql-ws connection");
        }
        socket.sendText(JsonMapper.shared().writeValueAsString(Map.of("id", "1", "type", "subscribe", "payload",
                Map.of("query", query, "variables", variables))), true).get();
        return subscription;
    }

    String firstFailure() {
        return firstFailure.get();
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
}
