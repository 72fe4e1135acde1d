package org.medicore.support.validation;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import org.medicore.support.port.FieldViolation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one rule for text in a MediCore record: no control characters. C0 (U+0000-U+001F), DEL and
 * C1 (U+0080-U+009F) are refused in every text field; a multi-line text (a note, a reason, a
 * description, a detail) may hold tab and line breaks. Applied to every request of every service
 * by {@link PlainTextInterceptor}, so direct gRPC partners meet it as the BFF does.
 */
public final class PlainText {

    /** What a violation says; never the text itself, which may be huge or hostile. */
    public static final String ONE_LINE = "must not contain control characters (U+0000-U+001F, U+007F-U+009F)";
    public static final String MULTI_LINE = "must not contain control characters other than tab and line breaks";

    private static final Set<String> MULTI_LINE_NAMES = Set.of("text", "notes", "description", "detail");

    private PlainText() {
    }

    /** A text field that breaks the rule, named by its path (proto spelling, {@code name.family}). */
    public static boolean allowed(String text, boolean multiLine) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
            if (control && !(multiLine && (c == '\t' || c == '\n' || c == '\r'))) {
                return false;
            }
        }
        return true;
    }

    /** Where a field of this name holds several lines of free text. */
    public static boolean multiLine(String fieldName) {
        return MULTI_LINE_NAMES.contains(fieldName) || fieldName.endsWith("reason") || fieldName.endsWith("_detail");
    }

    /** Every text field of the message, nested and repeated ones included, that breaks the rule. */
    public static List<FieldViolation> violations(Message message) {
        List<FieldViolation> found = new ArrayList<>();
        collect(message, "", found);
        return found;
    }

    private static void collect(Message message, String prefix, List<FieldViolation> found) {
        for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
            FieldDescriptor descriptor = field.getKey();
            String path = prefix + descriptor.getName();
            if (descriptor.isRepeated()) {
                List<?> values = (List<?>) field.getValue();
                for (int i = 0; i < values.size(); i++) {
                    check(descriptor, values.get(i), path + "[" + i + "]", found);
                }
            } else {
                check(descriptor, field.getValue(), path, found);
            }
        }
    }

    private static void check(FieldDescriptor descriptor, Object value, String path, List<FieldViolation> found) {
        if (value instanceof String text) {
            boolean multiLine = multiLine(descriptor.getName());
            if (!allowed(text, multiLine)) {
                found.add(new FieldViolation(path, multiLine ? MULTI_LINE : ONE_LINE));
            }
        } else if (value instanceof Message nested) {
            collect(nested, path + ".", found);
        }
    }
}
