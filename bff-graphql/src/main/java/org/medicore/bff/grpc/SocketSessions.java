package org.medicore.bff.grpc;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlCorsProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.socket.WebSocketSession;

import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * Spring for GraphQL's graphql-ws handler, set up as Spring Boot sets it up (JSON converter,
 * timeouts, the portal origins for the handshake), which also keeps each connection's own
 * {@link WebSocketSession} among its attributes: interceptors see only the attributes, and
 * {@link CallerInterceptor} must be able to close a connection whose token expired.
 */
@Configuration
class SocketSessions {

    static final String SESSION = SocketSessions.class.getName() + ".session";

    @Bean
    GraphQlWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler graphQl, GraphQlProperties properties,
                                                    GraphQlCorsProperties cors,
                                                    ObjectProvider<ServerHttpMessageConvertersCustomizer> customizers) {
        HttpMessageConverter<Object> json = json(customizers);
        GraphQlProperties.Websocket socket = properties.getWebsocket();
        CorsConfiguration origins = cors.toCorsConfiguration();
        return new KeepingSessions(graphQl, json, socket, origins == null ? new CorsConfiguration() : origins);
    }

    @SuppressWarnings("unchecked")
    private static HttpMessageConverter<Object> json(ObjectProvider<ServerHttpMessageConvertersCustomizer> customizers) {
        HttpMessageConverters.ServerBuilder converters = HttpMessageConverters.forServer();
        converters.registerDefaults();
        customizers.orderedStream().forEach(customizer -> customizer.customize(converters));
        return (HttpMessageConverter<Object>) StreamSupport.stream(converters.build().spliterator(), false)
                .filter(converter -> converter.canRead(Map.class, MediaType.APPLICATION_JSON))
                .findFirst().orElseThrow(() -> new IllegalStateException("no JSON converter for graphql-ws"));
    }

    private static final class KeepingSessions extends GraphQlWebSocketHandler {

        KeepingSessions(WebGraphQlHandler graphQl, HttpMessageConverter<Object> json, GraphQlProperties.Websocket socket,
                        CorsConfiguration origins) {
            super(graphQl, json, socket.getConnectionInitTimeout(), socket.getKeepAlive(), origins);
        }

        @Override
        public void afterConnectionEstablished(WebSocketSession session) {
            session.getAttributes().put(SESSION, session);
            super.afterConnectionEstablished(session);
        }
    }
}
