package org.medicore.localstack.pact;

import au.com.dius.pact.core.model.v4.MessageContents;
import au.com.dius.pact.provider.MessageAndMetadata;
import com.google.protobuf.Message;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import org.medicore.localstack.TestTokens;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The provider's side of {@link GrpcInteraction}s: makes the pact's request to the real service
 * over its channel, with a token of the role the pact names (from {@link TestTokens}, or the real
 * Keycloak where the service trusts only that), and answers with the service's real response in
 * proto3 JSON for Pact to compare.
 */
public final class GrpcProviderCalls {

    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final Channel channel;
    private final ServiceDescriptor service;

    public GrpcProviderCalls(Channel channel, ServiceDescriptor service) {
        this.channel = channel;
        this.service = service;
    }

    /** The service's answer to the request, called as {@code subject} with a {@link TestTokens} token. */
    public MessageAndMetadata answer(MessageContents request, String subject) {
        return answer(request, role -> TestTokens.forSubject(subject, role));
    }

    /** The service's answer to the request, called with the token {@code tokenOfRole} gives for the pact's role. */
    @SuppressWarnings("unchecked")
    public MessageAndMetadata answer(MessageContents request, UnaryOperator<String> tokenOfRole) {
        MethodDescriptor<Message, Message> method = (MethodDescriptor<Message, Message>) RpcContents.method(service, request);
        Message message = RpcContents.message(method.getRequestMarshaller(), request);
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, "Bearer " + tokenOfRole.apply(
                RpcContents.metadata(request, GrpcInteraction.ROLE)));
        Channel caller = ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(headers));
        Message response = ClientCalls.blockingUnaryCall(caller, method,
                CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), message);
        return new MessageAndMetadata(ProtoJson.print(response).getBytes(StandardCharsets.UTF_8),
                Map.of("contentType", "application/json"));
    }
}
