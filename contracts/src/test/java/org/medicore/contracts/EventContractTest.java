package org.medicore.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import com.google.protobuf.util.Timestamps;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventContractTest {

    static final List<String> EVENT_PACKAGES = List.of("medicore.events.v1", "medicore.events.v2");

    /**
     * Every top-level message of the event packages, found through the descriptors, except the facts
     * several events share (v2's {@code AppointmentFacts}): those are parts of events, not events.
     */
    static Stream<Message> events() {
        return EVENT_PACKAGES.stream().flatMap(eventPackage -> ContractDescriptors.filesInPackage(eventPackage).stream())
                .flatMap(file -> file.getMessageTypeList().stream()
                        .filter(message -> !message.getName().endsWith("Facts"))
                        .map(message -> ContractDescriptors.defaultInstance(file, message.getName())));
    }

    /** The events as named test arguments (an empty message prints as nothing). */
    static Stream<Named<Message>> namedEvents() {
        return events().map(event -> Named.of(event.getDescriptorForType().getFullName(), event));
    }

    @Test
    void the_event_package_holds_every_event_the_services_exchange() {
        assertThat(events().map(event -> event.getDescriptorForType().getName())).contains(
                "PatientRegistered", "PatientContactChanged", "PatientErased",
                "AppointmentBooked", "AppointmentCancelled", "AppointmentRescheduled",
                "AppointmentCompleted", "AppointmentNoShow",
                "InvoiceIssued", "PaymentRecorded", "InvoicePaid", "InvoiceVoided",
                "LabReportProcessed", "LabReportRejected",
                "AnalyticsWindow", "RollingFigures");
    }

    @ParameterizedTest
    @MethodSource("namedEvents")
    void an_event_starts_with_its_id_its_time_and_its_aggregate_id(Message event) {
        Descriptor descriptor = event.getDescriptorForType();

        FieldDescriptor eventId = descriptor.findFieldByNumber(1);
        FieldDescriptor occurredAt = descriptor.findFieldByNumber(2);
        FieldDescriptor aggregateId = descriptor.findFieldByNumber(3);

        assertThat(eventId.getName()).isEqualTo("event_id");
        assertThat(eventId.getType()).isEqualTo(FieldDescriptor.Type.STRING);
        assertThat(occurredAt.getName()).isEqualTo("occurred_at");
        assertThat(occurredAt.getMessageType().getFullName()).isEqualTo("google.protobuf.Timestamp");
        assertThat(aggregateId.isRepeated()).isFalse();
        if (aggregateId.getType() == FieldDescriptor.Type.MESSAGE) {
            // v2: the facts of the aggregate, whose field 1 is its id
            FieldDescriptor factsId = aggregateId.getMessageType().findFieldByNumber(1);
            assertThat(factsId.getName()).isEqualTo(aggregateId.getName() + "_id");
            assertThat(factsId.getType()).as("aggregate id, the Kafka key").isEqualTo(FieldDescriptor.Type.STRING);
        } else {
            assertThat(aggregateId.getType()).as("aggregate id, the Kafka key").isEqualTo(FieldDescriptor.Type.STRING);
        }
    }

    @ParameterizedTest
    @MethodSource("namedEvents")
    void an_event_survives_the_proto3_json_round_trip(Message emptyEvent) throws InvalidProtocolBufferException {
        Message event = SampleMessages.filled(emptyEvent.newBuilderForType());

        String json = JsonFormat.printer().print(event);
        Message.Builder parsed = emptyEvent.newBuilderForType();
        JsonFormat.parser().merge(json, parsed);

        assertThat(parsed.build()).isEqualTo(event);
        assertThat(event.getAllFields()).as("the sample sets every field").hasSize(settableFieldCount(event.getDescriptorForType()));
    }

    /** Fields minus the ones a oneof makes exclusive. */
    private static int settableFieldCount(Descriptor descriptor) {
        int count = descriptor.getFields().size();
        for (OneofDescriptor oneof : descriptor.getRealOneofs()) {
            count -= oneof.getFieldCount() - 1;
        }
        return count;
    }

    /** Builds messages with a non-default value in every field, recursively. */
    static final class SampleMessages {

        private SampleMessages() {
        }

        static Message filled(Message.Builder builder) {
            fill(builder, 0);
            return builder.build();
        }

        private static void fill(Message.Builder builder, int depth) {
            Descriptor descriptor = builder.getDescriptorForType();
            if (descriptor.getFullName().equals("google.protobuf.Timestamp")) {
                builder.mergeFrom(Timestamps.fromMillis(1_772_355_600_123L));
                return;
            }
            for (FieldDescriptor field : descriptor.getFields()) {
                OneofDescriptor oneof = field.getRealContainingOneof();
                if (oneof != null && builder.hasOneof(oneof)) {
                    continue;
                }
                if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && depth > 4) {
                    continue;
                }
                for (Object value : field.isRepeated() ? List.of(1, 2) : List.of(1)) {
                    Object sample = sample(builder, field, (Integer) value, depth);
                    if (field.isRepeated()) {
                        builder.addRepeatedField(field, sample);
                    } else {
                        builder.setField(field, sample);
                    }
                }
            }
        }

        private static Object sample(Message.Builder parent, FieldDescriptor field, int n, int depth) {
            return switch (field.getJavaType()) {
                case STRING -> field.getName() + "-" + n;
                case INT -> 10 + n;
                case LONG -> 1_000_000_000_000L + n;
                case DOUBLE -> 1.25 * n;
                case FLOAT -> 0.5f * n;
                case BOOLEAN -> true;
                case BYTE_STRING -> com.google.protobuf.ByteString.copyFromUtf8("bytes-" + n);
                case ENUM -> {
                    var values = field.getEnumType().getValues();
                    yield values.get(values.size() - 1);
                }
                case MESSAGE -> {
                    Message.Builder child = parent.newBuilderForField(field);
                    fill(child, depth + 1);
                    if (field.isMapField()) {
                        // map keys must differ, or the second entry replaces the first
                        FieldDescriptor key = field.getMessageType().findFieldByName("key");
                        if (key.getJavaType() == FieldDescriptor.JavaType.STRING) {
                            child.setField(key, "key-" + n);
                        }
                    }
                    yield child.build();
                }
            };
        }
    }
}
