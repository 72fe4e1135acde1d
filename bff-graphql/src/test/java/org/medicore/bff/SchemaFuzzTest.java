package org.medicore.bff;

import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.TypeUtil;
import org.junit.jupiter.api.Test;
import org.medicore.bff.support.HostileText;
import org.medicore.bff.support.WholeSystemTest;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input for every argument of every query and mutation, read from the schema itself, as
 * an administrator (who reaches the most): empty, huge, control and bidi characters, markup,
 * extreme dates and numbers, unknown enum values, ids that are no ids. No answer may be a 5xx or
 * an INTERNAL/UNKNOWN error, and none may echo more than {@value HostileText#ECHO_BOUND} characters of input.
 * Every edge value of an argument's type is sent on every run, and random text from jqwik on top
 * (drawn anew each run, so runs together try more than one run); a failure names the exact value,
 * which is all it takes to repeat it.
 */
class SchemaFuzzTest extends WholeSystemTest {

    private static final int RANDOM_TEXTS_PER_ARGUMENT = 2;
    private static final JsonMapper JSON = JsonMapper.builder().build();


    @Test
    void no_argument_of_any_field_gets_an_internal_error_or_an_echo_of_its_input() throws IOException {
        TypeDefinitionRegistry schema = schema();
        String token = SYSTEM.keycloak().accessToken("admin");
        List<String> failures = new ArrayList<>();
        int cases = 0;
        Instant started = Instant.now();
        for (String operation : List.of("Query", "Mutation")) {
            for (FieldDefinition field : fields(schema, operation)) {
                for (InputValueDefinition argument : field.getInputValueDefinitions()) {
                    for (List<String> path : paths(schema, argument, List.of(argument.getName()), 0)) {
                        for (Object hostile : hostile(schema, typeAt(schema, argument, path))) {
                            String problem = send(token, schema, operation, field, path, hostile);
                            cases++;
                            if (problem != null) {
                                failures.add(field.getName() + "(" + String.join(".", path) + " = " + shown(hostile) + "): " + problem);
                            }
                        }
                    }
                }
            }
        }
        System.out.printf("SchemaFuzzTest: %d cases in %s%n", cases, Duration.between(started, Instant.now()));
        assertThat(cases).isGreaterThan(100);
        assertThat(failures).isEmpty();
    }

    private String send(String token, TypeDefinitionRegistry schema, String operation, FieldDefinition field,
                        List<String> path, Object hostile) {
        Map<String, Object> variables = new LinkedHashMap<>();
        StringBuilder declarations = new StringBuilder();
        StringBuilder arguments = new StringBuilder();
        for (InputValueDefinition argument : field.getInputValueDefinitions()) {
            boolean target = argument.getName().equals(path.getFirst());
            if (!target && !(argument.getType() instanceof NonNullType)) {
                continue;
            }
            Object value = plausible(schema, argument.getType(), 0);
            if (target) {
                value = path.size() == 1 ? hostile : withAt(value, path.subList(1, path.size()), hostile);
            }
            variables.put(argument.getName(), value);
            declarations.append(declarations.isEmpty() ? "" : ", ").append('$').append(argument.getName()).append(": ")
                    .append(printed(argument.getType()));
            arguments.append(arguments.isEmpty() ? "" : ", ").append(argument.getName()).append(": $").append(argument.getName());
        }
        String selection = schema.getType(TypeUtil.unwrapAll(field.getType()).getName())
                .filter(ObjectTypeDefinition.class::isInstance).isPresent() ? " { __typename }" : "";
        String document = "%s(%s) { %s(%s)%s }".formatted(operation.toLowerCase(), declarations, field.getName(),
                arguments, selection);
        EntityExchangeResult<byte[]> result = http().post().uri("/graphql").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", document, "variables", variables))
                .exchange().expectBody().returnResult();
        String body = result.getResponseBody() == null ? "" : new String(result.getResponseBody(), StandardCharsets.UTF_8);
        if (result.getStatus().is5xxServerError()) {
            return "HTTP " + result.getStatus().value();
        }
        if (body.contains("\"INTERNAL") || body.contains("\"UNKNOWN\"") || body.contains("Exception")) {
            return "internal error: " + shown(body);
        }
        if (hostile instanceof String text && HostileText.echoes(body, text)) {
            return "echoes " + text.length() + " characters of input";
        }
        return null;
    }

    /** Paths to every argument and every field of input objects under it, two levels deep. */
    private static List<List<String>> paths(TypeDefinitionRegistry schema, InputValueDefinition value, List<String> prefix, int depth) {
        List<List<String>> paths = new ArrayList<>();
        paths.add(prefix);
        if (depth < 2 && schema.getType(TypeUtil.unwrapAll(value.getType()).getName()).orElse(null)
                instanceof InputObjectTypeDefinition input && !(nullable(value.getType()) instanceof ListType)) {
            for (InputValueDefinition field : input.getInputValueDefinitions()) {
                List<String> path = new ArrayList<>(prefix);
                path.add(field.getName());
                paths.addAll(paths(schema, field, path, depth + 1));
            }
        }
        return paths;
    }

    private static Type<?> typeAt(TypeDefinitionRegistry schema, InputValueDefinition argument, List<String> path) {
        Type<?> type = argument.getType();
        for (String name : path.subList(1, path.size())) {
            InputObjectTypeDefinition input = (InputObjectTypeDefinition) schema.getType(TypeUtil.unwrapAll(type).getName()).orElseThrow();
            type = input.getInputValueDefinitions().stream().filter(f -> f.getName().equals(name)).findFirst().orElseThrow().getType();
        }
        return type;
    }

    @SuppressWarnings("unchecked")
    private static Object withAt(Object value, List<String> path, Object hostile) {
        Map<String, Object> object = new LinkedHashMap<>((Map<String, Object>) value);
        object.put(path.getFirst(), path.size() == 1 ? hostile
                : withAt(object.getOrDefault(path.getFirst(), Map.of()), path.subList(1, path.size()), hostile));
        return object;
    }

    /** A value of the type that gets past GraphQL's own checks, so the services see the hostile one. */
    private static Object plausible(TypeDefinitionRegistry schema, Type<?> type, int depth) {
        if (nullable(type) instanceof ListType list) {
            return List.of(plausible(schema, list.getType(), depth));
        }
        String name = TypeUtil.unwrapAll(type).getName();
        return switch (name) {
            case "ID" -> "00000000-0000-4000-8000-000000000022";
            case "String" -> "Fuzz";
            case "Int", "Long" -> 1;
            case "Float" -> 1.0;
            case "Boolean" -> true;
            case "Date" -> "2027-01-04";
            case "DateTime" -> "2027-01-04T09:00:00Z";
            default -> switch (schema.getType(name).orElse(null)) {
                case EnumTypeDefinition values -> values.getEnumValueDefinitions().getFirst().getName();
                case InputObjectTypeDefinition input -> {
                    Map<String, Object> object = new LinkedHashMap<>();
                    if (depth < 4) {
                        input.getInputValueDefinitions().stream().filter(f -> f.getType() instanceof NonNullType)
                                .forEach(f -> object.put(f.getName(), plausible(schema, f.getType(), depth + 1)));
                    }
                    yield object;
                }
                case null, default -> "Fuzz";
            };
        };
    }

    private static List<Object> hostile(TypeDefinitionRegistry schema, Type<?> type) {
        String name = TypeUtil.unwrapAll(type).getName();
        return switch (name) {
            case "Int" -> List.of(Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0, 100_000);
            case "Long" -> List.of(Long.MIN_VALUE, Long.MAX_VALUE, -1L, 0L);
            case "Float" -> List.of(-1e308, 1e308, -0.0, 1e-300);
            case "Date" -> List.of("+999999999-12-31", "-999999999-01-01", "0001-01-01", "9999-12-31",
                    "2026-02-30", "", "x".repeat(10_000));
            case "DateTime" -> List.of("+999999999-12-31T23:59:59Z", "0001-01-01T00:00:00Z",
                    "1970-01-01T00:00:00Z", "2026-13-01T00:00:00Z", "x".repeat(10_000));
            default -> switch (schema.getType(name).orElse(null)) {
                case EnumTypeDefinition values -> List.of("NOT_A_VALUE", "x".repeat(10_000),
                        values.getEnumValueDefinitions().getLast().getName());
                case InputObjectTypeDefinition input -> List.of(Map.of(), Map.of("unknown", "x".repeat(10_000)));
                case null, default -> texts();
            };
        };
    }

    private static List<Object> texts() {
        List<Object> texts = new ArrayList<>(HostileText.EDGES);
        for (int i = 0; i < RANDOM_TEXTS_PER_ARGUMENT; i++) {
            texts.add(HostileText.random().sample());
        }
        return texts;
    }

    private static Type<?> nullable(Type<?> type) {
        return type instanceof NonNullType nonNull ? nonNull.getType() : type;
    }

    private static String printed(Type<?> type) {
        return switch (type) {
            case NonNullType nonNull -> printed(nonNull.getType()) + "!";
            case ListType list -> "[" + printed(list.getType()) + "]";
            case TypeName name -> name.getName();
            default -> throw new IllegalArgumentException(type.toString());
        };
    }

    private static List<FieldDefinition> fields(TypeDefinitionRegistry schema, String type) {
        List<FieldDefinition> fields = new ArrayList<>();
        schema.getType(type, ObjectTypeDefinition.class).ifPresent(definition -> fields.addAll(definition.getFieldDefinitions()));
        schema.objectTypeExtensions().getOrDefault(type, List.of()).forEach(extension -> fields.addAll(extension.getFieldDefinitions()));
        return fields;
    }

    private static TypeDefinitionRegistry schema() throws IOException {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:graphql/*.graphqls")) {
            registry.merge(new SchemaParser().parse(file.getContentAsString(StandardCharsets.UTF_8)));
        }
        return registry;
    }

    private static String shown(Object value) {
        String text = JSON.writeValueAsString(value);
        return text.length() > 80 ? text.substring(0, 80) + "… (" + text.length() + " chars)" : text;
    }
}
