package org.medicore.bff;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.DynamicMessage;
import io.grpc.CallOptions;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoServiceDescriptorSupplier;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.medicore.bff.support.HostileText;
import org.medicore.bff.support.WholeSystemTest;
import org.medicore.contracts.appointment.v1.AppointmentServiceGrpc;
import org.medicore.contracts.billing.v1.BillingServiceGrpc;
import org.medicore.contracts.lab.v1.LabServiceGrpc;
import org.medicore.contracts.notification.v1.NotificationServiceGrpc;
import org.medicore.contracts.patient.v1.ErasureServiceGrpc;
import org.medicore.contracts.patient.v1.PatientServiceGrpc;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input for every field of every request of every domain service, read from the
 * contracts' descriptors and sent straight over gRPC as an administrator, the way a partner calls
 * the services, past the BFF's own checks: every {@link HostileText} edge and random strings in
 * text fields, extreme numbers, unknown enum values, timestamps and dates outside any calendar,
 * ten thousand repeated elements. The other fields of the request hold plausible values so the
 * hostile one is looked at. No answer may be INTERNAL, UNKNOWN, DATA_LOSS, UNAVAILABLE or late,
 * and no status may repeat more than {@value HostileText#ECHO_BOUND} characters of its input.
 */
class ProtoFuzzTest extends WholeSystemTest {

    private static final int RANDOM_TEXTS_PER_FIELD = 2;
    private static final int DEPTH = 2;
    private static final Set<Status.Code> BROKEN = Set.of(Status.Code.INTERNAL, Status.Code.UNKNOWN,
            Status.Code.DATA_LOSS, Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED);
    /** Unknown to every service: lookups find nothing, creations make records nobody else reads. */
    private static final String PLAUSIBLE_ID = UUID.randomUUID().toString();

    private static final Map<ServiceDescriptor, ManagedChannel> SERVICES = Map.of(
            descriptor(PatientServiceGrpc.getServiceDescriptor()), channel(SYSTEM.patientTarget()),
            descriptor(ErasureServiceGrpc.getServiceDescriptor()), channel(SYSTEM.patientTarget()),
            descriptor(AppointmentServiceGrpc.getServiceDescriptor()), channel(SYSTEM.appointmentTarget()),
            descriptor(BillingServiceGrpc.getServiceDescriptor()), channel(SYSTEM.billingTarget()),
            descriptor(LabServiceGrpc.getServiceDescriptor()), channel(SYSTEM.labTarget()),
            descriptor(NotificationServiceGrpc.getServiceDescriptor()), channel(SYSTEM.notificationTarget()));

    @AfterAll
    static void closeChannels() {
        SERVICES.values().forEach(ManagedChannel::shutdownNow);
    }

    @Test
    void no_field_of_any_request_gets_an_internal_error_or_an_echo_of_its_input() {
        String token = SYSTEM.keycloak().accessToken("admin");
        List<String> failures = new ArrayList<>();
        int cases = 0;
        Instant started = Instant.now();
        for (var service : SERVICES.entrySet()) {
            for (MethodDescriptor method : service.getKey().getMethods()) {
                for (List<FieldDescriptor> path : paths(method.getInputType(), List.of(), 0)) {
                    for (Object hostile : hostile(path.getLast())) {
                        DynamicMessage request = withAt(plausible(method.getInputType(), 0), path, hostile);
                        String problem = call(service.getValue(), token, method, request, hostile);
                        cases++;
                        if (problem != null) {
                            failures.add(method.getFullName() + "(" + path.stream().map(FieldDescriptor::getName)
                                    .reduce((a, b) -> a + "." + b).orElseThrow() + " = " + shown(hostile) + "): " + problem);
                        }
                    }
                }
            }
        }
        System.out.printf("ProtoFuzzTest: %d cases in %s%n", cases, Duration.between(started, Instant.now()));
        assertThat(cases).isGreaterThan(1_000);
        assertThat(failures).isEmpty();
    }

    private static String call(ManagedChannel channel, String token, MethodDescriptor method, DynamicMessage request,
                               Object hostile) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        var call = ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(headers))
                .newCall(grpcMethod(method), CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS));
        try {
            ClientCalls.blockingUnaryCall(call, request);
            return null;
        } catch (StatusRuntimeException refused) {
            Status status = refused.getStatus();
            if (BROKEN.contains(status.getCode())) {
                return status.getCode() + ": " + shown(String.valueOf(status.getDescription()));
            }
            if (hostile instanceof String text && HostileText.echoes(status.getDescription(), text)) {
                return status.getCode() + " echoes " + text.length() + " characters of input";
            }
            return null;
        }
    }

    private static io.grpc.MethodDescriptor<DynamicMessage, DynamicMessage> grpcMethod(MethodDescriptor method) {
        return io.grpc.MethodDescriptor.<DynamicMessage, DynamicMessage>newBuilder()
                .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(io.grpc.MethodDescriptor.generateFullMethodName(method.getService().getFullName(),
                        method.getName()))
                .setRequestMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(method.getInputType())))
                .setResponseMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(method.getOutputType())))
                .build();
    }

    /** Every field, and the fields of the messages under it, {@value #DEPTH} levels deep. */
    private static List<List<FieldDescriptor>> paths(Descriptor type, List<FieldDescriptor> prefix, int depth) {
        List<List<FieldDescriptor>> paths = new ArrayList<>();
        for (FieldDescriptor field : type.getFields()) {
            List<FieldDescriptor> path = new ArrayList<>(prefix);
            path.add(field);
            paths.add(path);
            if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && depth < DEPTH) {
                paths.addAll(paths(field.getMessageType(), path, depth + 1));
            }
        }
        return paths;
    }

    /** The request with {@code hostile} at the end of {@code path}; a repeated field on the way gets it in its only element. */
    private static DynamicMessage withAt(DynamicMessage message, List<FieldDescriptor> path, Object hostile) {
        FieldDescriptor field = path.getFirst();
        DynamicMessage.Builder builder = message.toBuilder();
        if (path.size() == 1) {
            builder.clearField(field);
            if (field.isRepeated() && hostile instanceof List<?> elements) {
                elements.forEach(element -> builder.addRepeatedField(field, element));
            } else if (field.isRepeated()) {
                builder.addRepeatedField(field, hostile);
            } else {
                builder.setField(field, hostile);
            }
            return builder.build();
        }
        boolean present = field.isRepeated() ? message.getRepeatedFieldCount(field) > 0 : message.hasField(field);
        // A member of a oneof other than the first is not in the plausible request: the path brings it in.
        DynamicMessage inner = !present ? plausible(field.getMessageType(), path.size())
                : field.isRepeated() ? (DynamicMessage) message.getRepeatedField(field, 0) : (DynamicMessage) message.getField(field);
        DynamicMessage changed = withAt(inner, path.subList(1, path.size()), hostile);
        if (field.isRepeated() && present) {
            builder.setRepeatedField(field, 0, changed);
        } else if (field.isRepeated()) {
            builder.addRepeatedField(field, changed);
        } else {
            builder.setField(field, changed);
        }
        return builder.build();
    }

    /** A request most services would take: ids no record has, a date in the bookable future, short words. */
    private static DynamicMessage plausible(Descriptor type, int depth) {
        DynamicMessage.Builder message = DynamicMessage.newBuilder(type);
        for (FieldDescriptor field : type.getFields()) {
            if (field.getRealContainingOneof() != null && field.getIndex() != field.getRealContainingOneof().getField(0).getIndex()) {
                continue;
            }
            Object value = plausible(field, depth);
            if (value == null) {
                continue;
            }
            if (field.isRepeated()) {
                message.addRepeatedField(field, value);
            } else {
                message.setField(field, value);
            }
        }
        return message.build();
    }

    private static Object plausible(FieldDescriptor field, int depth) {
        String name = field.getName();
        return switch (field.getJavaType()) {
            case STRING -> name.endsWith("id") || name.endsWith("ids") || name.endsWith("key") ? PLAUSIBLE_ID
                    : name.contains("currency") ? "EUR"
                    : name.contains("email") ? "fuzz@example.org"
                    : name.contains("page_token") ? null
                    : name.contains("zone") ? "Europe/Berlin"
                    : name.contains("country") ? "DE"
                    : "Fuzz";
            case INT -> name.contains("year") ? 2027 : name.contains("month") ? 1 : name.contains("day") ? 4 : 10;
            case LONG -> name.contains("seconds") ? Instant.parse("2027-01-04T09:00:00Z").getEpochSecond() : 1L;
            case FLOAT -> 1.0f;
            case DOUBLE -> 1.0;
            case BOOLEAN -> true;
            case BYTE_STRING -> ByteString.copyFromUtf8("%PDF-1.4\n");
            case ENUM -> field.getEnumType().getValues().size() > 1
                    ? field.getEnumType().getValues().get(1) : field.getEnumType().getValues().getFirst();
            case MESSAGE -> name.contains("birth") ? DynamicMessage.newBuilder(field.getMessageType())
                    .setField(field.getMessageType().findFieldByName("year"), 1980)
                    .setField(field.getMessageType().findFieldByName("month"), 5)
                    .setField(field.getMessageType().findFieldByName("day"), 17).build()
                    : depth <= DEPTH + 1 ? plausible(field.getMessageType(), depth + 1) : null;
        };
    }

    /** What to put into the field: every value for a field of its kind, and random text on top. */
    private static List<Object> hostile(FieldDescriptor field) {
        List<Object> values = new ArrayList<>(switch (field.getJavaType()) {
            case STRING -> {
                List<Object> texts = new ArrayList<>(HostileText.EDGES);
                for (int i = 0; i < RANDOM_TEXTS_PER_FIELD; i++) {
                    texts.add(HostileText.random().sample());
                }
                yield texts;
            }
            case INT -> List.<Object>of(Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0);
            case LONG -> List.<Object>of(Long.MIN_VALUE, Long.MAX_VALUE, -1L, 0L);
            case FLOAT -> List.<Object>of(Float.NaN, Float.NEGATIVE_INFINITY, -0.0f, Float.MAX_VALUE);
            case DOUBLE -> List.<Object>of(Double.NaN, Double.POSITIVE_INFINITY, -0.0, -Double.MAX_VALUE);
            case BOOLEAN -> List.<Object>of(false);
            case BYTE_STRING -> List.<Object>of(ByteString.EMPTY, ByteString.copyFrom(new byte[1 << 20]));
            case ENUM -> List.<Object>of(field.getEnumType().findValueByNumberCreatingIfUnknown(9_999),
                    field.getEnumType().findValueByNumberCreatingIfUnknown(-1), field.getEnumType().getValues().getFirst());
            case MESSAGE -> List.<Object>of(DynamicMessage.getDefaultInstance(field.getMessageType()));
        });
        if (field.isRepeated()) {
            Object one = field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                    ? plausible(field.getMessageType(), DEPTH) : values.getFirst();
            values.add(List.of());
            values.add(Collections.nCopies(10_000, field.getJavaType() == FieldDescriptor.JavaType.STRING ? PLAUSIBLE_ID : one));
        }
        return values;
    }

    private static ServiceDescriptor descriptor(io.grpc.ServiceDescriptor service) {
        return ((ProtoServiceDescriptorSupplier) service.getSchemaDescriptor()).getServiceDescriptor();
    }

    private static ManagedChannel channel(String target) {
        return ManagedChannelBuilder.forTarget(target).usePlaintext().maxInboundMessageSize(8 << 20).build();
    }

    private static String shown(Object value) {
        String text = value instanceof List<?> list ? list.size() + " elements" : String.valueOf(value).replace('\n', ' ');
        return text.length() > 80 ? text.substring(0, 80) + "… (" + text.length() + " chars)" : text;
    }
}
