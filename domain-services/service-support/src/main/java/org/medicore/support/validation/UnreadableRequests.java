package org.medicore.support.validation;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.StatusRuntimeException;
import org.medicore.support.grpc.GrpcErrors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Requests that are not protobuf, or whose text is not UTF-8: grpc-java fails such a request
 * while reading it, before any interceptor, and answers UNKNOWN. Every service's methods read
 * their requests through {@link #readingSafely}, which reads such a request as the empty request
 * marked with where it broke, and {@link PlainTextInterceptor} refuses the mark as
 * INVALID_ARGUMENT naming the field.
 */
final class UnreadableRequests {

    static final String NOT_UTF8 = "must be UTF-8 text";

    /** The largest field number there is: no MediCore message uses it, so it carries the mark. */
    private static final int MARK = 536_870_911;
    private static final String NOT_PROTOBUF = "";

    private UnreadableRequests() {
    }

    /** {@code service} with each protobuf request read as described above. */
    static ServerServiceDefinition readingSafely(ServerServiceDefinition service) {
        ServiceDescriptor described = service.getServiceDescriptor();
        ServiceDescriptor.Builder descriptor = ServiceDescriptor.newBuilder(described.getName())
                .setSchemaDescriptor(described.getSchemaDescriptor());
        List<ServerMethodDefinition<?, ?>> methods = service.getMethods().stream()
                .<ServerMethodDefinition<?, ?>>map(UnreadableRequests::readingSafely).toList();
        methods.forEach(method -> descriptor.addMethod(method.getMethodDescriptor()));
        ServerServiceDefinition.Builder safe = ServerServiceDefinition.builder(descriptor.build());
        methods.forEach(safe::addMethod);
        return safe.build();
    }

    /** The refusal of a request read as unreadable; empty for any other request. */
    static Optional<StatusRuntimeException> refusal(Message request) {
        UnknownFieldSet unknown = request.getUnknownFields();
        if (!unknown.hasField(MARK)) {
            return Optional.empty();
        }
        List<ByteString> marks = unknown.getField(MARK).getLengthDelimitedList();
        String field = marks.isEmpty() ? NOT_PROTOBUF : marks.getFirst().toStringUtf8();
        return Optional.of(field.isEmpty()
                ? GrpcErrors.status(com.google.rpc.Code.INVALID_ARGUMENT, "the request is not a "
                + request.getDescriptorForType().getName() + " in the protobuf encoding")
                : GrpcErrors.invalid(field, NOT_UTF8));
    }

    private static <Q, R> ServerMethodDefinition<Q, R> readingSafely(ServerMethodDefinition<Q, R> method) {
        MethodDescriptor<Q, R> descriptor = method.getMethodDescriptor();
        if (descriptor.getRequestMarshaller() instanceof MethodDescriptor.PrototypeMarshaller<Q> protobuf
                && protobuf.getMessagePrototype() instanceof Message prototype) {
            return ServerMethodDefinition.create(descriptor.toBuilder()
                    .setRequestMarshaller(new SafeReading<>(protobuf, prototype)).build(), method.getServerCallHandler());
        }
        return method;
    }

    private record SafeReading<Q>(MethodDescriptor.PrototypeMarshaller<Q> protobuf, Message prototype)
            implements MethodDescriptor.PrototypeMarshaller<Q> {

        @Override
        public InputStream stream(Q value) {
            return protobuf.stream(value);
        }

        @Override
        @SuppressWarnings("unchecked")
        public Q parse(InputStream stream) {
            byte[] bytes;
            try {
                bytes = stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                return (Q) prototype.getParserForType().parseFrom(bytes);
            } catch (InvalidProtocolBufferException unreadable) {
                String field = notUtf8(ByteString.copyFrom(bytes), prototype.getDescriptorForType(), "").orElse(NOT_PROTOBUF);
                return (Q) prototype.toBuilder().setUnknownFields(UnknownFieldSet.newBuilder().addField(MARK,
                        UnknownFieldSet.Field.newBuilder().addLengthDelimited(ByteString.copyFromUtf8(field)).build())
                        .build()).build();
            }
        }

        @Override
        public Q getMessagePrototype() {
            return protobuf.getMessagePrototype();
        }

        @Override
        public Class<Q> getMessageClass() {
            return protobuf.getMessageClass();
        }
    }

    /** The path of the first text field of {@code bytes}, read as a {@code type}, that is not UTF-8. */
    private static Optional<String> notUtf8(ByteString bytes, Descriptor type, String prefix) {
        UnknownFieldSet fields;
        try {
            fields = UnknownFieldSet.parseFrom(bytes);
        } catch (InvalidProtocolBufferException notProtobuf) {
            return Optional.empty();
        }
        for (Map.Entry<Integer, UnknownFieldSet.Field> entry : fields.asMap().entrySet()) {
            FieldDescriptor field = type.findFieldByNumber(entry.getKey());
            if (field == null) {
                continue;
            }
            List<ByteString> values = entry.getValue().getLengthDelimitedList();
            for (int i = 0; i < values.size(); i++) {
                String path = prefix + field.getName() + (field.isRepeated() ? "[" + i + "]" : "");
                if (field.getType() == FieldDescriptor.Type.STRING && !values.get(i).isValidUtf8()) {
                    return Optional.of(path);
                }
                if (field.getType() == FieldDescriptor.Type.MESSAGE) {
                    Optional<String> inner = notUtf8(values.get(i), field.getMessageType(), path + ".");
                    if (inner.isPresent()) {
                        return inner;
                    }
                }
            }
        }
        return Optional.empty();
    }
}
