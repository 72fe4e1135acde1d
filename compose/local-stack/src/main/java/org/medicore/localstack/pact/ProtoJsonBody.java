package org.medicore.localstack.pact;

import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslJsonArray;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslJsonRootValue;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.protobuf.MessageOrBuilder;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A message in its proto3 JSON form (as the services and the event topics carry it) as a Pact
 * body. What a consumer sends is written as it is, except the {@link StateValue}s; what it
 * receives is matched by type, because ids, instants and versions are the provider's to choose,
 * while every field the example holds must be there (proto3 JSON leaves out unset fields, so
 * an example names exactly the fields the consumer reads).
 */
public final class ProtoJsonBody {

    private final Map<String, StateValue> stateValues;
    private final boolean byType;

    private ProtoJsonBody(Map<String, StateValue> stateValues, boolean byType) {
        this.stateValues = stateValues;
        this.byType = byType;
    }

    /** The body as sent, with each example of {@code stateValues} taken from the provider state. */
    public static DslPart sent(MessageOrBuilder message, Iterable<StateValue> stateValues) {
        Map<String, StateValue> byExample = java.util.stream.StreamSupport.stream(stateValues.spliterator(), false)
                .collect(Collectors.toMap(ProtoJsonBody::key, Function.identity()));
        return new ProtoJsonBody(byExample, false).body(message);
    }

    /** The body as received: the same fields, of the same types, with any values. */
    public static DslPart received(MessageOrBuilder message) {
        return new ProtoJsonBody(Map.of(), true).body(message);
    }

    private DslPart body(MessageOrBuilder message) {
        PactDslJsonBody body = new PactDslJsonBody();
        fill(body, JsonParser.parseString(ProtoJson.print(message)).getAsJsonObject());
        return body;
    }

    private void fill(PactDslJsonBody body, JsonObject json) {
        json.entrySet().forEach(field -> {
            String name = field.getKey();
            JsonElement value = field.getValue();
            if (value.isJsonObject()) {
                PactDslJsonBody child = body.object(name);
                fill(child, value.getAsJsonObject());
                child.closeObject();
            } else if (value.isJsonArray()) {
                fill(body, name, value.getAsJsonArray());
            } else {
                primitive(body, name, value.getAsJsonPrimitive());
            }
        });
    }

    private void fill(PactDslJsonBody body, String name, JsonArray items) {
        JsonElement first = items.get(0);
        if (byType && first.isJsonObject()) {
            PactDslJsonBody element = body.minArrayLike(name, 1);
            fill(element, first.getAsJsonObject());
            element.closeArray();
        } else if (byType) {
            body.minArrayLike(name, 1, rootType(first.getAsJsonPrimitive()), 1);
        } else {
            PactDslJsonArray array = body.array(name);
            items.forEach(item -> {
                if (item.isJsonObject()) {
                    PactDslJsonBody child = array.object();
                    fill(child, item.getAsJsonObject());
                    child.closeObject();
                } else {
                    arrayValue(array, item.getAsJsonPrimitive());
                }
            });
            array.closeArray();
        }
    }

    private void primitive(PactDslJsonBody body, String name, JsonPrimitive value) {
        Optional<StateValue> fromState = stateValue(value);
        if (fromState.isPresent()) {
            body.valueFromProviderState(name, fromState.get().expression(), fromState.get().typedExample());
        } else if (value.isBoolean()) {
            if (byType) {
                body.booleanType(name, value.getAsBoolean());
            } else {
                body.booleanValue(name, value.getAsBoolean());
            }
        } else if (value.isNumber()) {
            if (byType) {
                body.numberType(name, new BigDecimal(value.getAsString()));
            } else {
                body.numberValue(name, new BigDecimal(value.getAsString()));
            }
        } else if (byType) {
            body.stringType(name, value.getAsString());
        } else {
            body.stringValue(name, value.getAsString());
        }
    }

    private void arrayValue(PactDslJsonArray array, JsonPrimitive value) {
        Optional<StateValue> fromState = stateValue(value);
        if (fromState.isPresent()) {
            array.valueFromProviderState(fromState.get().expression(), fromState.get().typedExample());
        } else if (value.isBoolean()) {
            array.booleanValue(value.getAsBoolean());
        } else if (value.isNumber()) {
            array.numberValue(new BigDecimal(value.getAsString()));
        } else {
            array.stringValue(value.getAsString());
        }
    }

    private Optional<StateValue> stateValue(JsonPrimitive value) {
        return value.isBoolean() ? Optional.empty()
                : Optional.ofNullable(stateValues.get((value.isNumber() ? "number:" : "string:") + value.getAsString()));
    }

    private static String key(StateValue value) {
        return (value.numeric() ? "number:" : "string:") + value.example();
    }

    private static PactDslJsonRootValue rootType(JsonPrimitive value) {
        if (value.isBoolean()) {
            return PactDslJsonRootValue.booleanType(value.getAsBoolean());
        }
        return value.isNumber() ? PactDslJsonRootValue.numberType(new BigDecimal(value.getAsString()))
                : PactDslJsonRootValue.stringType(value.getAsString());
    }
}
