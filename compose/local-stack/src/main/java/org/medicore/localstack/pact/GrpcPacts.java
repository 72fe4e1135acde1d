package org.medicore.localstack.pact;

import au.com.dius.pact.core.model.Consumer;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.Provider;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.model.V4Pact;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;

import java.util.Arrays;
import java.util.List;

/** The pact of a consumer with a gRPC service, built from {@link GrpcInteraction}s, and its check on the consumer's side. */
public final class GrpcPacts {

    private GrpcPacts() {
    }

    public static V4Pact pact(String consumer, String provider, GrpcInteraction... interactions) {
        return new V4Pact(new Consumer(consumer), new Provider(provider),
                Arrays.stream(interactions).<Interaction>map(GrpcInteraction::build).toList());
    }

    /**
     * Fails unless every interaction names an rpc of {@code service} and both its messages read
     * as that rpc's request and response, with no field those types do not know.
     */
    public static void assertReadable(List<Interaction> interactions, ServiceDescriptor service) {
        if (interactions.isEmpty()) {
            throw new AssertionError("no interactions with " + service.getName());
        }
        for (Interaction interaction : interactions) {
            V4Interaction.SynchronousMessages call = (V4Interaction.SynchronousMessages) interaction;
            MethodDescriptor<?, ?> method = RpcContents.method(service, call.getRequest());
            RpcContents.message(method.getRequestMarshaller(), call.getRequest());
            RpcContents.message(method.getResponseMarshaller(), call.getResponse().getFirst());
        }
    }
}
