package org.medicore.patient;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.type.Date;
import org.medicore.contracts.patient.v1.Patient;
import org.medicore.contracts.patient.v1.Sex;
import org.medicore.contracts.patient.v1.UpdateDemographicsRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Every field an update can change, read from {@link UpdateDemographicsRequest}'s descriptor
 * down to its leaves ("contact.address.city"), with a valid value for each, so a test can
 * change one leaf alone and compare every other leaf of the {@link Patient} before and after.
 */
public final class DemographicsLeaves {

    private static final Set<String> NOT_DEMOGRAPHICS = Set.of("patient_id", "expected_version", "update_mask");
    private static final List<String> COUNTRIES = List.of("DE", "FR", "AT", "US", "AU", "NL");

    private DemographicsLeaves() {
    }

    /** The leaf paths of the request, as an update mask names them. */
    public static List<String> paths() {
        List<String> paths = new ArrayList<>();
        for (FieldDescriptor field : UpdateDemographicsRequest.getDescriptor().getFields()) {
            if (!NOT_DEMOGRAPHICS.contains(field.getName())) {
                collect(field, field.getName(), paths);
            }
        }
        return paths;
    }

    private static void collect(FieldDescriptor field, String path, List<String> paths) {
        if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.isRepeated()
                && !field.getMessageType().getFullName().equals(Date.getDescriptor().getFullName())) {
            field.getMessageType().getFields().forEach(inner -> collect(inner, path + "." + inner.getName(), paths));
        } else {
            paths.add(path);
        }
    }

    /** A valid value for the leaf, in the form the proto field holds it. */
    public static Object validValue(String path, Random random) {
        String leaf = path.substring(path.lastIndexOf('.') + 1);
        return switch (leaf) {
            case "date_of_birth" -> Date.newBuilder().setYear(1900 + random.nextInt(120)).setMonth(1 + random.nextInt(12))
                    .setDay(1 + random.nextInt(28)).build();
            case "sex" -> List.of(Sex.FEMALE, Sex.MALE, Sex.OTHER, Sex.UNKNOWN).get(random.nextInt(4)).getValueDescriptor();
            case "email" -> word(random).toLowerCase() + "@" + word(random).toLowerCase() + ".example.org";
            case "phone" -> "+49" + (100_000_000L + random.nextLong(899_999_999L));
            case "country_code" -> COUNTRIES.get(random.nextInt(COUNTRIES.size()));
            case "lines" -> List.of(word(random) + "strasse " + (1 + random.nextInt(200)));
            case "preferred_language" -> random.nextBoolean() ? "en" : "de";
            default -> word(random);
        };
    }

    /** Sets {@code value} at {@code path} of a request or a patient, creating the messages on the way. */
    public static <B extends Message.Builder> B with(B message, String path, Object value) {
        String[] names = path.split("\\.");
        Message.Builder at = message;
        for (int i = 0; i < names.length - 1; i++) {
            at = at.getFieldBuilder(at.getDescriptorForType().findFieldByName(names[i]));
        }
        at.setField(at.getDescriptorForType().findFieldByName(names[names.length - 1]), value);
        return message;
    }

    /** The value at {@code path} of a patient (the patient message names its fields as the request does). */
    public static Object valueOf(Patient patient, String path) {
        Message at = patient;
        String[] names = path.split("\\.");
        for (int i = 0; i < names.length - 1; i++) {
            at = (Message) at.getField(at.getDescriptorForType().findFieldByName(names[i]));
        }
        return at.getField(at.getDescriptorForType().findFieldByName(names[names.length - 1]));
    }

    private static String word(Random random) {
        StringBuilder word = new StringBuilder().append((char) ('A' + random.nextInt(26)));
        for (int i = 0, n = 2 + random.nextInt(8); i < n; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
