package org.medicore.bff.patient;

import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Message;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.medicore.bff.graphql.ProtoValues;
import org.medicore.contracts.patient.v1.UpdateDemographicsRequest;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The update mask the BFF sends names exactly the fields the caller sent, at every depth: the
 * fields are read from the schema's UpdatePatientInput, so a field added there is covered too.
 */
class UpdateMaskProperties {

    private static final TypeDefinitionRegistry SCHEMA = schema();
    private static final List<Leaf> LEAVES = leaves("UpdatePatientInput", List.of());

    /** A field of the input below its input objects, e.g. [contact, address, postalCode] of type String. */
    record Leaf(List<String> path, String type, boolean list) {

        String protoPath() {
            return String.join(".", path.stream().map(name -> name.replaceAll("([A-Z])", "_$1").toLowerCase()).toList());
        }
    }

    @Property(tries = 300)
    void the_mask_names_exactly_the_fields_sent_and_the_request_carries_their_values(@ForAll("sentFields") Map<Leaf, Object> sent) {
        Map<String, Object> input = new LinkedHashMap<>(Map.of("patientId", "p-1", "expectedVersion", 3L));
        sent.forEach((leaf, value) -> place(input, leaf.path(), value));

        UpdateDemographicsRequest request = PatientProtos.update(input);

        assertThat(request.getUpdateMask().getPathsList())
                .containsExactlyInAnyOrderElementsOf(sent.keySet().stream().map(Leaf::protoPath).toList());
        sent.forEach((leaf, value) -> assertThat(plain(valueAt(request, leaf.protoPath()))).as(leaf.protoPath())
                .isEqualTo(value == null ? plain(defaultAt(request, leaf.protoPath())) : expectedProto(value)));
        assertThat(request.getPatientId()).isEqualTo("p-1");
        assertThat(request.getExpectedVersion()).isEqualTo(3L);
    }

    @Provide
    Arbitrary<Map<Leaf, Object>> sentFields() {
        return Arbitraries.subsetOf(LEAVES).ofMinSize(1).flatMap(leaves -> {
            List<Arbitrary<Object>> values = leaves.stream().map(UpdateMaskProperties::valuesOf).toList();
            return Combinators.combine(values).as(chosen -> {
                Map<Leaf, Object> map = new LinkedHashMap<>();
                List<Leaf> ordered = List.copyOf(leaves);
                for (int i = 0; i < ordered.size(); i++) {
                    map.put(ordered.get(i), chosen.get(i));
                }
                return map;
            });
        });
    }

    /** Values of the leaf's schema type as Spring for GraphQL hands them over, null (sent as null) among them. */
    private static Arbitrary<Object> valuesOf(Leaf leaf) {
        Arbitrary<Object> single = switch (leaf.type()) {
            case "Date" -> Arbitraries.integers().between(0, 60_000).map(days -> LocalDate.of(1880, 1, 1).plusDays(days));
            case "String", "ID" -> Arbitraries.strings().ofMaxLength(40).map(Object.class::cast);
            default -> Arbitraries.of(enumValues(leaf.type())).map(Object.class::cast);
        };
        Arbitrary<Object> values = leaf.list() ? single.list().ofMaxSize(3).map(Object.class::cast) : single;
        return values.injectNull(0.2);
    }

    private static Object expectedProto(Object value) {
        return value instanceof LocalDate day ? ProtoValues.date(day) : value;
    }

    /** Enum values by name, as the schema has them. */
    private static Object plain(Object protoValue) {
        return protoValue instanceof EnumValueDescriptor value ? value.getName() : protoValue;
    }

    @SuppressWarnings("unchecked")
    private static void place(Map<String, Object> input, List<String> path, Object value) {
        Map<String, Object> at = input;
        for (String part : path.subList(0, path.size() - 1)) {
            at = (Map<String, Object>) at.computeIfAbsent(part, p -> new LinkedHashMap<String, Object>());
        }
        at.put(path.getLast(), value);
    }

    private static Object valueAt(Message message, String path) {
        Message at = message;
        String[] names = path.split("\\.");
        for (int i = 0; i < names.length - 1; i++) {
            at = (Message) at.getField(at.getDescriptorForType().findFieldByName(names[i]));
        }
        return at.getField(at.getDescriptorForType().findFieldByName(names[names.length - 1]));
    }

    private static Object defaultAt(Message message, String path) {
        Message at = message;
        String[] names = path.split("\\.");
        for (int i = 0; i < names.length - 1; i++) {
            at = (Message) at.getField(at.getDescriptorForType().findFieldByName(names[i]));
        }
        return at.getDefaultInstanceForType().getField(at.getDescriptorForType().findFieldByName(names[names.length - 1]));
    }

    private static List<Leaf> leaves(String inputType, List<String> prefix) {
        InputObjectTypeDefinition type = SCHEMA.getType(inputType, InputObjectTypeDefinition.class).orElseThrow();
        List<Leaf> leaves = new ArrayList<>();
        for (InputValueDefinition field : type.getInputValueDefinitions()) {
            if (prefix.isEmpty() && (field.getName().equals("patientId") || field.getName().equals("expectedVersion"))) {
                continue;
            }
            List<String> path = new ArrayList<>(prefix);
            path.add(field.getName());
            boolean list = unwrap(field.getType()) instanceof ListType;
            String typeName = name(field.getType());
            if (SCHEMA.getType(typeName, InputObjectTypeDefinition.class).isPresent()) {
                leaves.addAll(leaves(typeName, path));
            } else {
                leaves.add(new Leaf(List.copyOf(path), typeName, list));
            }
        }
        return leaves;
    }

    private static Type<?> unwrap(Type<?> type) {
        return type instanceof NonNullType nonNull ? nonNull.getType() : type;
    }

    private static String name(Type<?> type) {
        return switch (type) {
            case NonNullType nonNull -> name(nonNull.getType());
            case ListType list -> name(list.getType());
            case TypeName name -> name.getName();
            default -> throw new IllegalArgumentException(type.toString());
        };
    }

    private static List<String> enumValues(String type) {
        return SCHEMA.getType(type, EnumTypeDefinition.class).map(e -> e.getEnumValueDefinitions().stream()
                .map(EnumValueDefinition::getName).toList()).orElse(List.of());
    }

    private static TypeDefinitionRegistry schema() {
        try (Reader reader = new InputStreamReader(Objects.requireNonNull(
                UpdateMaskProperties.class.getResourceAsStream("/graphql/schema.graphqls")), StandardCharsets.UTF_8)) {
            return new SchemaParser().parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
