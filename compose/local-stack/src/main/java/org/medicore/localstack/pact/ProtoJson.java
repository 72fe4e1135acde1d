package org.medicore.localstack.pact;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;

/** The proto3 JSON form that the pacts carry, as the services and the event topics write it. */
public final class ProtoJson {

    private static final JsonFormat.Printer PRINTER = JsonFormat.printer();
    private static final JsonFormat.Parser PARSER = JsonFormat.parser();

    private ProtoJson() {
    }

    public static String print(MessageOrBuilder message) {
        try {
            return PRINTER.print(message);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not printable as proto3 JSON: " + message, e);
        }
    }

    /** The JSON read strictly as a {@code prototype}: a field the type does not know fails. */
    @SuppressWarnings("unchecked")
    public static <M extends Message> M read(String json, M prototype) {
        Message.Builder builder = prototype.newBuilderForType();
        try {
            PARSER.merge(json, builder);
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("not a " + prototype.getDescriptorForType().getFullName() + ": " + json, e);
        }
        return (M) builder.build();
    }
}
