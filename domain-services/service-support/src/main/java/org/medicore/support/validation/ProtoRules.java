package org.medicore.support.validation;

import build.buf.protovalidate.Validator;
import build.buf.protovalidate.ValidatorFactory;
import build.buf.protovalidate.Violation;
import build.buf.protovalidate.exceptions.ValidationException;
import build.buf.validate.FieldPath;
import build.buf.validate.FieldPathElement;
import com.google.protobuf.Message;
import org.medicore.support.port.FieldViolation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The rules a contract writes into its .proto files with protovalidate ({@code buf.validate.field}:
 * required ids as UUIDs, text lengths, ranges), checked where a service reads the request
 * ({@link org.medicore.support.grpc.RequestFields}), so the caller hears of a broken rule together with
 * every field the service's own reading refuses. A broken rule becomes a field violation in our words, by the
 * field's path as the client spells it ({@code page.page_size}, {@code patient_ids[2]}); the
 * value the caller sent is never repeated.
 */
public final class ProtoRules {

    private static final Validator VALIDATOR = ValidatorFactory.newBuilder().build();

    private ProtoRules() {
    }

    /** One violation per rule the request breaks; none for a message without rules. */
    public static List<FieldViolation> violations(Message request) {
        try {
            return VALIDATOR.validate(request).getViolations().stream().map(ProtoRules::violation).toList();
        } catch (ValidationException unusableRule) {
            // A rule the contract wrote wrongly is our fault, not the caller's: fail loudly.
            throw new IllegalStateException("a validation rule in the contract cannot be evaluated", unusableRule);
        }
    }

    private static FieldViolation violation(Violation broken) {
        // The rule's value (a bound such as 64) comes from the contract, never from the request.
        Object bound = broken.getRuleValue() == null ? null : broken.getRuleValue().getValue();
        return new FieldViolation(path(broken.toProto().getField()), described(broken.toProto().getRuleId(), bound));
    }

    static String path(FieldPath path) {
        return path.getElementsList().stream().map(ProtoRules::element).collect(Collectors.joining("."));
    }

    private static String element(FieldPathElement element) {
        return element.hasIndex() ? element.getFieldName() + "[" + element.getIndex() + "]" : element.getFieldName();
    }

    /** What the rule asks, in the words the hand-written checks used; the rule's id for a rule not listed. */
    static String described(String ruleId, Object bound) {
        return switch (ruleId) {
            case "required" -> "is required";
            case "string.uuid" -> "must be a UUID";
            case "string.min_len" -> "must be at least " + bound + " characters";
            case "string.max_len" -> "must be at most " + bound + " characters";
            case "repeated.min_items" -> "must hold at least " + bound;
            case "repeated.max_items" -> "must hold at most " + bound;
            case "int32.gte" -> Integer.valueOf(0).equals(bound) ? "must not be negative" : "must be at least " + bound;
            case "int32.lte" -> "must be at most " + bound;
            case "enum.defined_only" -> "must be one of the values the contract lists";
            default -> "breaks the rule " + ruleId;
        };
    }
}
