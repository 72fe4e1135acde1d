package org.medicore.support.audit;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an RPC's messages tell the audit, read from their descriptors so every service is audited
 * the same way without a mapping per call: the ids a request names, the patients a request or an
 * answer carries, and the paths of the fields a change sets. Values are only taken from id fields.
 */
final class MessageFacts {

    /** Fields that steer a request (retries, optimistic locking, masks) rather than name or change data. */
    private static final Set<String> BOOKKEEPING = Set.of("request_id", "idempotency_key", "expected_version", "update_mask");
    private static final String PATIENT_MESSAGE = "Patient";
    private static final String OWN_TYPES = "medicore.";

    private MessageFacts() {
    }

    static List<String> resourceIds(Message request) {
        List<String> ids = new ArrayList<>();
        request.getAllFields().forEach((field, value) -> {
            if (field.getJavaType() == FieldDescriptor.JavaType.STRING && isId(field) && !BOOKKEEPING.contains(field.getName())) {
                addTexts(value, ids);
            }
        });
        return ids;
    }

    static void collectPatientIds(Message message, Set<String> into) {
        for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
            FieldDescriptor field = entry.getKey();
            if (field.getJavaType() == FieldDescriptor.JavaType.STRING && namesPatient(message.getDescriptorForType(), field)) {
                addTexts(entry.getValue(), into);
            } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && isOwn(field.getMessageType())) {
                for (Object nested : values(entry.getValue())) {
                    collectPatientIds((Message) nested, into);
                }
            }
        }
    }

    static List<String> changedFields(Message request) {
        List<String> paths = new ArrayList<>();
        collectPaths(request, "", paths);
        return paths;
    }

    private static void collectPaths(Message message, String prefix, List<String> into) {
        message.getAllFields().forEach((field, value) -> {
            String path = prefix + field.getName();
            if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && isOwn(field.getMessageType()) && !field.isRepeated()) {
                collectPaths((Message) value, path + ".", into);
            } else if (!isId(field) && !BOOKKEEPING.contains(field.getName())) {
                into.add(path);
            }
        });
    }

    private static boolean namesPatient(Descriptor owner, FieldDescriptor field) {
        return field.getName().equals("patient_id") || field.getName().equals("patient_ids")
                || owner.getName().equals(PATIENT_MESSAGE) && field.getName().equals("id");
    }

    private static boolean isId(FieldDescriptor field) {
        String name = field.getName();
        return name.equals("id") || name.endsWith("_id") || name.endsWith("_ids");
    }

    private static boolean isOwn(Descriptor type) {
        return type.getFullName().startsWith(OWN_TYPES);
    }

    private static void addTexts(Object value, Collection<String> into) {
        for (Object text : values(value)) {
            if (!((String) text).isEmpty()) {
                into.add((String) text);
            }
        }
    }

    private static List<?> values(Object value) {
        return value instanceof List<?> list ? list : List.of(value);
    }
}
