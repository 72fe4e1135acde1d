package org.medicore.support.grpc;

import io.grpc.BindableService;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.MetadataUtils;
import org.medicore.support.security.BearerTokenCheck;
import org.springframework.security.oauth2.jwt.Jwt;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * An endpoint served in the test's JVM behind the shared token check, called as a holder of one realm
 * role: for endpoint tests whose use cases are fakes, with no realm to ask. Shared through
 * service-support's test-jar.
 */
public final class InProcessEndpoint implements AutoCloseable {

    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final Server server;
    private final ManagedChannel channel;

    private InProcessEndpoint(Server server, ManagedChannel channel) {
        this.server = server;
        this.channel = channel;
    }

    public static InProcessEndpoint serving(BindableService endpoint) throws IOException {
        String name = "endpoint-" + UUID.randomUUID();
        Server server = InProcessServerBuilder.forName(name).directExecutor()
                .addService(ServerInterceptors.intercept(endpoint, new BearerTokenCheck(InProcessEndpoint::holderOfTheRole)))
                .build().start();
        return new InProcessEndpoint(server, InProcessChannelBuilder.forName(name).directExecutor().build());
    }

    /** The channel as a caller whose token claims {@code role} (subject: the role in lower case). */
    public Channel as(String role) {
        Metadata token = new Metadata();
        token.put(AUTHORIZATION, "Bearer " + role);
        return ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(token));
    }

    @Override
    public void close() {
        channel.shutdownNow();
        server.shutdownNow();
    }

    /** The token's text is the role it claims. */
    private static Jwt holderOfTheRole(String role) {
        return Jwt.withTokenValue(role).header("alg", "none").subject(role.toLowerCase(Locale.ROOT))
                .claim("realm_access", Map.of("roles", List.of(role))).build();
    }
}
