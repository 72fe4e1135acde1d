package org.medicore.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.DescriptorProtos.SourceCodeInfo.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The contracts are read by people coding against them: every message, field, enum, enum
 * value, service and rpc carries a leading comment. Reads the comments from the descriptor
 * set protoc writes with source info.
 */
class DocumentationTest {

    // Path components of descriptor.proto (FileDescriptorProto / DescriptorProto / ...).
    private static final int FILE_MESSAGE = 4;
    private static final int FILE_ENUM = 5;
    private static final int FILE_SERVICE = 6;
    private static final int MESSAGE_FIELD = 2;
    private static final int MESSAGE_NESTED = 3;
    private static final int MESSAGE_ENUM = 4;
    private static final int MESSAGE_ONEOF = 8;
    private static final int ENUM_VALUE = 2;
    private static final int SERVICE_METHOD = 2;

    @Test
    void the_descriptor_set_covers_every_medicore_package() {
        assertThat(ContractDescriptors.files()).extracting(FileDescriptorProto::getPackage).contains(
                "medicore.common.v1", "medicore.patient.v1", "medicore.appointment.v1",
                "medicore.billing.v1", "medicore.lab.v1", "medicore.notification.v1", "medicore.events.v1",
                "medicore.events.v2");
    }

    @Test
    void every_message_field_enum_and_rpc_carries_a_leading_comment() {
        List<String> undocumented = new ArrayList<>();
        for (FileDescriptorProto file : ContractDescriptors.files()) {
            if (!file.getPackage().startsWith("medicore.")) {
                continue;
            }
            assertThat(file.hasSourceCodeInfo()).as(file.getName() + " has source info").isTrue();
            Map<List<Integer>, Location> locations = new HashMap<>();
            file.getSourceCodeInfo().getLocationList().forEach(l -> locations.put(l.getPathList(), l));
            Check check = new Check(file.getName(), locations, undocumented);

            forEach(file.getMessageTypeList(), (i, message) ->
                    checkMessage(check, List.of(FILE_MESSAGE, i), file.getPackage() + "." + message.getName(), message));
            forEach(file.getEnumTypeList(), (i, enumType) ->
                    checkEnum(check, List.of(FILE_ENUM, i), file.getPackage() + "." + enumType.getName(), enumType));
            forEach(file.getServiceList(), (i, service) ->
                    checkService(check, List.of(FILE_SERVICE, i), file.getPackage() + "." + service.getName(), service));
        }
        assertThat(undocumented).as("elements without a leading comment").isEmpty();
    }

    @Test
    void every_enum_starts_with_its_unspecified_value() {
        List<String> wrong = new ArrayList<>();
        for (FileDescriptorProto file : ContractDescriptors.files()) {
            file.getEnumTypeList().forEach(e -> checkUnspecified(e, wrong));
            file.getMessageTypeList().forEach(m -> m.getEnumTypeList().forEach(e -> checkUnspecified(e, wrong)));
        }
        assertThat(wrong).isEmpty();
    }

    private static void checkUnspecified(EnumDescriptorProto enumType, List<String> wrong) {
        String expected = enumType.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase() + "_UNSPECIFIED";
        var first = enumType.getValue(0);
        if (first.getNumber() != 0 || !first.getName().equals(expected)) {
            wrong.add(enumType.getName() + " starts with " + first.getName() + " = " + first.getNumber());
        }
    }

    private static void checkMessage(Check check, List<Integer> path, String name, DescriptorProto message) {
        if (message.getOptions().getMapEntry()) {
            return; // synthetic type of a map field; the field itself is checked
        }
        check.documented(path, "message " + name);
        forEach(message.getFieldList(), (i, field) ->
                check.documented(append(path, MESSAGE_FIELD, i), "field " + name + "." + field.getName()));
        forEach(message.getOneofDeclList(), (i, oneof) -> {
            if (!oneof.getName().startsWith("_")) { // proto3 `optional` makes a synthetic oneof
                check.documented(append(path, MESSAGE_ONEOF, i), "oneof " + name + "." + oneof.getName());
            }
        });
        forEach(message.getNestedTypeList(), (i, nested) ->
                checkMessage(check, append(path, MESSAGE_NESTED, i), name + "." + nested.getName(), nested));
        forEach(message.getEnumTypeList(), (i, nested) ->
                checkEnum(check, append(path, MESSAGE_ENUM, i), name + "." + nested.getName(), nested));
    }

    private static void checkEnum(Check check, List<Integer> path, String name, EnumDescriptorProto enumType) {
        check.documented(path, "enum " + name);
        forEach(enumType.getValueList(), (i, value) ->
                check.documented(append(path, ENUM_VALUE, i), "enum value " + name + "." + value.getName()));
    }

    private static void checkService(Check check, List<Integer> path, String name, ServiceDescriptorProto service) {
        check.documented(path, "service " + name);
        forEach(service.getMethodList(), (i, rpc) ->
                check.documented(append(path, SERVICE_METHOD, i), "rpc " + name + "." + rpc.getName()));
    }

    private record Check(String file, Map<List<Integer>, Location> locations, List<String> undocumented) {
        void documented(List<Integer> path, String what) {
            Location location = locations.get(path);
            if (location == null || location.getLeadingComments().isBlank()) {
                undocumented.add(file + ": " + what);
            }
        }
    }

    private interface Indexed<T> {
        void accept(int index, T element);
    }

    private static <T> void forEach(List<T> elements, Indexed<T> action) {
        IntStream.range(0, elements.size()).forEach(i -> action.accept(i, elements.get(i)));
    }

    private static List<Integer> append(List<Integer> path, int kind, int index) {
        List<Integer> longer = new ArrayList<>(path);
        longer.add(kind);
        longer.add(index);
        return List.copyOf(longer);
    }
}
