package org.medicore.localstack.pact;

import au.com.dius.pact.core.model.v4.MessageContents;
import au.com.dius.pact.core.support.json.JsonValue;
import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;

/** What a {@link GrpcInteraction}'s messages say: the rpc, the caller's role and the proto messages. */
final class RpcContents {

    private RpcContents() {
    }

    static MethodDescriptor<?, ?> method(ServiceDescriptor service, MessageContents request) {
        String rpc = metadata(request, GrpcInteraction.RPC);
        return service.getMethods().stream().filter(method -> method.getFullMethodName().equals(rpc)).findFirst()
                .orElseThrow(() -> new AssertionError(service.getName() + " has no rpc " + rpc));
    }

    /** A metadata value as written, whether the pact was just built or read from its file. */
    static String metadata(MessageContents contents, String key) {
        Object value = contents.getMetadata().get(key);
        return value instanceof JsonValue json ? json.asString() : String.valueOf(value);
    }

    static Message message(MethodDescriptor.Marshaller<?> marshaller, MessageContents contents) {
        Message prototype = (Message) ((MethodDescriptor.PrototypeMarshaller<?>) marshaller).getMessagePrototype();
        return ProtoJson.read(contents.getContents().valueAsString(), prototype);
    }
}
