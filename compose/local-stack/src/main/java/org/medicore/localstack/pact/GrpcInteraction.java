package org.medicore.localstack.pact;

import au.com.dius.pact.consumer.dsl.SynchronousMessageInteractionBuilder;
import au.com.dius.pact.core.model.V4Interaction;
import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One unary gRPC call a consumer makes, as a V4 synchronous message: the request and the
 * response in their proto3 JSON form, the full rpc name and the caller's realm role in the
 * request metadata, and the provider state the call needs. Its description is the rpc's name,
 * so the provider has one verification per rpc whatever the state.
 */
public final class GrpcInteraction {

    public static final String RPC = "rpc";
    public static final String ROLE = "role";

    private final MethodDescriptor<?, ?> method;
    private final Map<String, List<StateValue>> states = new LinkedHashMap<>();
    private String role;
    private Message request;
    private Message response;

    private GrpcInteraction(MethodDescriptor<?, ?> method) {
        this.method = method;
    }

    public static GrpcInteraction call(MethodDescriptor<?, ?> method) {
        return new GrpcInteraction(method);
    }

    public GrpcInteraction given(String state, StateValue... values) {
        states.put(state, List.of(values));
        return this;
    }

    /** The realm role of the caller whose token the consumer relays. */
    public GrpcInteraction by(String realmRole) {
        role = realmRole;
        return this;
    }

    public GrpcInteraction sending(Message request) {
        this.request = request;
        return this;
    }

    public GrpcInteraction receiving(Message response) {
        this.response = response;
        return this;
    }

    V4Interaction build() {
        if (role == null || request == null || response == null) {
            throw new IllegalStateException(method.getFullMethodName() + " needs a caller, a request and a response");
        }
        SynchronousMessageInteractionBuilder interaction = new SynchronousMessageInteractionBuilder(
                method.getBareMethodName(), new ArrayList<>(), new ArrayList<>());
        List<StateValue> values = new ArrayList<>();
        states.forEach((state, stateValues) -> {
            Map<String, Object> parameters = new LinkedHashMap<>();
            stateValues.forEach(value -> parameters.put(value.name(), value.example()));
            interaction.state(state, parameters);
            values.addAll(stateValues);
        });
        interaction.withRequest(contents -> contents.withContent(ProtoJsonBody.sent(request, values))
                .withMetadata(Map.of(RPC, method.getFullMethodName(), ROLE, role)));
        interaction.willRespondWith(contents -> contents.withContent(ProtoJsonBody.received(response)));
        return interaction.build();
    }
}
