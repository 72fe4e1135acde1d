package org.medicore.bff.patient;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Message;
import org.medicore.bff.error.InvalidArgument;
import org.medicore.bff.graphql.ProtoValues;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.patient.v1.AddHistoryEntryRequest;
import org.medicore.contracts.patient.v1.Allergy;
import org.medicore.contracts.patient.v1.AllergySeverity;
import org.medicore.contracts.patient.v1.Condition;
import org.medicore.contracts.patient.v1.ConditionStatus;
import org.medicore.contracts.patient.v1.HistoryEntry;
import org.medicore.contracts.patient.v1.Medication;
import org.medicore.contracts.patient.v1.Note;
import org.medicore.contracts.patient.v1.SearchPatientsRequest;
import org.medicore.contracts.patient.v1.UpdateDemographicsRequest;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The one mapping place between the patient feature's GraphQL shapes and patient-service's protos. */
final class PatientProtos {

    private static final Pattern CAMEL_HUMP = Pattern.compile("[A-Z]");

    private PatientProtos() {
    }

    static SearchPatientsRequest search(PatientInputs.PatientSearch search, int first, String after) {
        SearchPatientsRequest.Builder request = SearchPatientsRequest.newBuilder()
                .setPage(PageRequest.newBuilder().setPageSize(first).setPageToken(after == null ? "" : after));
        if (search != null) {
            if (search.familyNamePrefix() != null) {
                request.setFamilyNamePrefix(search.familyNamePrefix());
            }
            if (search.givenNamePrefix() != null) {
                request.setGivenNamePrefix(search.givenNamePrefix());
            }
            if (search.dateOfBirth() != null) {
                request.setDateOfBirth(ProtoValues.date(search.dateOfBirth()));
            }
        }
        return request.build();
    }

    /**
     * Only the fields the caller sent change: the update mask names each sent field down to its
     * leaf ("contact.phone", never the "contact" block around it), so fields left out keep their
     * values. A field sent as null is named too and cleared; an input object sent as null clears
     * the whole part. Schema names become proto names ("postalCode" -> "postal_code").
     * By name rather than by generated setters because the mask is by name anyway: one rule writes
     * the value and its path, so they cannot disagree; a schema field without its proto field
     * fails {@code UpdateMaskProperties}, which walks every leaf of UpdatePatientInput.
     */
    static UpdateDemographicsRequest update(Map<String, Object> input) {
        UpdateDemographicsRequest.Builder request = UpdateDemographicsRequest.newBuilder()
                .setPatientId((String) input.get("patientId"))
                .setExpectedVersion(((Number) input.get("expectedVersion")).longValue());
        FieldMask.Builder mask = FieldMask.newBuilder();
        input.forEach((field, value) -> {
            if (!field.equals("patientId") && !field.equals("expectedVersion")) {
                sent(request, protoName(field), value, mask);
            }
        });
        if (mask.getPathsCount() == 0) {
            throw new InvalidArgument("input", "names no field to change");
        }
        return request.setUpdateMask(mask).build();
    }

    private static void sent(Message.Builder message, String path, Object value, FieldMask.Builder mask) {
        String name = path.substring(path.lastIndexOf('.') + 1);
        FieldDescriptor field = message.getDescriptorForType().findFieldByName(name);
        if (value instanceof Map<?, ?> parts) {
            Message.Builder part = message.getFieldBuilder(field);
            parts.forEach((inner, innerValue) -> sent(part, path + "." + protoName((String) inner), innerValue, mask));
            return;
        }
        mask.addPaths(path);
        if (value == null) {
            message.clearField(field);
        } else {
            message.setField(field, protoValue(field, value));
        }
    }

    private static Object protoValue(FieldDescriptor field, Object value) {
        return switch (value) {
            case LocalDate day -> ProtoValues.date(day);
            case String name when field.getJavaType() == FieldDescriptor.JavaType.ENUM -> field.getEnumType().findValueByName(name);
            default -> value;
        };
    }

    private static String protoName(String schemaName) {
        return CAMEL_HUMP.matcher(schemaName).replaceAll(hump -> "_" + hump.group().toLowerCase(Locale.ROOT));
    }

    static AddHistoryEntryRequest historyEntry(PatientInputs.AddHistoryEntryInput input) {
        AddHistoryEntryRequest.Builder request = AddHistoryEntryRequest.newBuilder().setPatientId(input.patientId());
        switch (input.kind()) {
            case "CONDITION" -> request.setCondition(Condition.newBuilder().setDisplay(input.text())
                    .setStatus(ConditionStatus.ACTIVE));
            case "ALLERGY" -> request.setAllergy(Allergy.newBuilder().setSubstance(input.text())
                    .setSeverity(severity(input.severity())));
            case "MEDICATION" -> request.setMedication(Medication.newBuilder().setName(input.text())
                    .setDosage(input.dosage() == null ? "" : input.dosage()));
            default -> request.setNote(Note.newBuilder().setText(input.text()));
        }
        return request.build();
    }

    static History history(HistoryEntry entry) {
        String summary = switch (entry.getDetailCase()) {
            case CONDITION -> entry.getCondition().getDisplay();
            case ALLERGY -> entry.getAllergy().getSubstance() + severityText(entry.getAllergy().getSeverity());
            case MEDICATION -> entry.getMedication().getName()
                    + (entry.getMedication().getDosage().isEmpty() ? "" : " " + entry.getMedication().getDosage());
            case NOTE -> entry.getNote().getText();
            case DETAIL_NOT_SET -> "";
        };
        return new History(entry.getId(), entry.getKind().name(), summary, entry.getRecordedAt(),
                ProtoValues.orNull(entry.getAuthor().getRole()));
    }

    /** A history entry as the schema shows it. */
    record History(String id, String kind, String summary, com.google.protobuf.Timestamp recordedAt, String authorRole) {
    }

    private static AllergySeverity severity(String severity) {
        if (severity == null) {
            return AllergySeverity.ALLERGY_SEVERITY_UNSPECIFIED;
        }
        return Arrays.stream(AllergySeverity.values()).filter(s -> s.name().equals(severity)).findFirst()
                .orElseThrow(() -> new InvalidArgument("input.severity", "must be one of MILD, MODERATE, SEVERE, LIFE_THREATENING"));
    }

    private static String severityText(AllergySeverity severity) {
        String name = ProtoValues.orNull(severity);
        return name == null ? "" : " (" + name.toLowerCase().replace('_', ' ') + ")";
    }
}
