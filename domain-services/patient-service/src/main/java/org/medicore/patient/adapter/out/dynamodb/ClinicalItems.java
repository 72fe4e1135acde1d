package org.medicore.patient.adapter.out.dynamodb;

import org.medicore.patient.domain.AbnormalFlag;
import org.medicore.patient.domain.Actor;
import org.medicore.patient.domain.ClinicalDetail;
import org.medicore.patient.domain.HistoryEntry;
import org.medicore.patient.domain.HistoryKind;
import org.medicore.patient.domain.LabMeasurement;
import org.medicore.patient.domain.LabResult;
import org.medicore.patient.domain.PartialDate;
import org.medicore.patient.domain.PatientId;
import org.medicore.patient.domain.ReferenceRange;
import org.medicore.patient.domain.Role;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.medicore.patient.adapter.out.dynamodb.PatientItems.n;
import static org.medicore.patient.adapter.out.dynamodb.PatientItems.partition;
import static org.medicore.patient.adapter.out.dynamodb.PatientItems.s;
import static org.medicore.patient.adapter.out.dynamodb.PatientTable.PK;
import static org.medicore.patient.adapter.out.dynamodb.PatientTable.SK;

/**
 * The item mapping of a patient's clinical data, beside {@link PatientItems} (same partition):
 * history entries, their locators and supersession markers, lab results and their idempotency claims.
 */
final class ClinicalItems {

    static final String HISTORY_PREFIX = "HISTORY#";
    static final String SUPERSEDED_PREFIX = "SUPERSEDED#";
    static final String LAB_PREFIX = "LAB#";

    /** Fixed width, so that sort keys order like time (years 1000 to 9999). */
    private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private ClinicalItems() {
    }

    // --- history

    static Map<String, AttributeValue> toItem(HistoryEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(partition(entry.patientId())));
        item.put(SK, s(entrySortKey(entry)));
        item.put("type", s("HISTORY"));
        item.put("id", s(entry.id().toString()));
        item.put("patient_id", s(entry.patientId().value()));
        item.put("kind", s(entry.kind().name()));
        item.put("detail", AttributeValue.fromM(detail(entry.detail())));
        item.put("author", AttributeValue.fromM(Map.of("subject", s(entry.author().subject()),
                "role", s(entry.author().role().name()), "display_name", s(entry.author().displayName()))));
        item.put("recorded_at", s(entry.recordedAt().toString()));
        entry.supersedes().ifPresent(old -> item.put("supersedes", s(old.toString())));
        return item;
    }

    static HistoryEntry toEntry(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> author = item.get("author").m();
        return new HistoryEntry(entryId(item), new PatientId(item.get("patient_id").s()),
                toDetail(HistoryKind.valueOf(item.get("kind").s()), item.get("detail").m()),
                new Actor(author.get("subject").s(), Role.valueOf(author.get("role").s()), author.get("display_name").s()),
                Instant.parse(item.get("recorded_at").s()),
                Optional.ofNullable(item.get("supersedes")).map(v -> UUID.fromString(v.s())));
    }

    static UUID entryId(Map<String, AttributeValue> item) {
        return UUID.fromString(item.get("id").s());
    }

    /** Finds an entry of any patient by its id alone. */
    static Map<String, AttributeValue> entryLocator(HistoryEntry entry) {
        return pointer(entryLocatorKey(entry.id()), entry.patientId(), entrySortKey(entry));
    }

    static Map<String, AttributeValue> entryLocatorKey(UUID entryId) {
        return Map.of(PK, s("HISTORY_ENTRY#" + entryId), SK, s("HISTORY_ENTRY"));
    }

    /** Claims the superseded entry for its one correction; the entry itself is never written again. */
    static Map<String, AttributeValue> supersession(PatientId patient, UUID superseded, UUID by) {
        Map<String, AttributeValue> item = new HashMap<>(supersessionKey(patient, superseded));
        item.put("superseded_by", s(by.toString()));
        return item;
    }

    static Map<String, AttributeValue> supersessionKey(PatientId patient, UUID superseded) {
        return Map.of(PK, s(partition(patient)), SK, s(SUPERSEDED_PREFIX + superseded));
    }

    static UUID supersededEntry(Map<String, AttributeValue> supersession) {
        return UUID.fromString(supersession.get(SK).s().substring(SUPERSEDED_PREFIX.length()));
    }

    static UUID supersedingEntry(Map<String, AttributeValue> supersession) {
        return UUID.fromString(supersession.get("superseded_by").s());
    }

    private static String entrySortKey(HistoryEntry entry) {
        return HISTORY_PREFIX + SORTABLE.format(entry.recordedAt()) + "#" + entry.id();
    }

    private static Map<String, AttributeValue> detail(ClinicalDetail detail) {
        Map<String, AttributeValue> map = new HashMap<>();
        switch (detail) {
            case ClinicalDetail.Condition c -> {
                map.putAll(Map.of("display", s(c.display()), "code", s(c.code()), "code_system", s(c.codeSystem()),
                        "status", s(c.status().name())));
                c.onset().ifPresent(d -> map.put("onset", AttributeValue.fromM(Map.of(
                        "year", n(d.year()), "month", n(d.month()), "day", n(d.day())))));
            }
            case ClinicalDetail.Allergy a -> map.putAll(Map.of("substance", s(a.substance()), "code", s(a.code()),
                    "reaction", s(a.reaction()), "severity", s(a.severity().name())));
            case ClinicalDetail.Medication m -> {
                map.putAll(Map.of("name", s(m.name()), "code", s(m.code()), "dosage", s(m.dosage())));
                m.startDate().ifPresent(d -> map.put("start_date", s(d.toString())));
                m.endDate().ifPresent(d -> map.put("end_date", s(d.toString())));
            }
            case ClinicalDetail.Note note -> map.put("text", s(note.text()));
        }
        return map;
    }

    private static ClinicalDetail toDetail(HistoryKind kind, Map<String, AttributeValue> map) {
        return switch (kind) {
            case CONDITION -> new ClinicalDetail.Condition(map.get("display").s(), map.get("code").s(),
                    map.get("code_system").s(), ClinicalDetail.ConditionStatus.valueOf(map.get("status").s()),
                    Optional.ofNullable(map.get("onset")).map(AttributeValue::m).map(d -> new PartialDate(
                            number(d.get("year")), number(d.get("month")), number(d.get("day")))));
            case ALLERGY -> new ClinicalDetail.Allergy(map.get("substance").s(), map.get("code").s(), map.get("reaction").s(),
                    ClinicalDetail.AllergySeverity.valueOf(map.get("severity").s()));
            case MEDICATION -> new ClinicalDetail.Medication(map.get("name").s(), map.get("code").s(), map.get("dosage").s(),
                    date(map.get("start_date")), date(map.get("end_date")));
            case NOTE -> new ClinicalDetail.Note(map.get("text").s());
        };
    }

    // --- lab results

    static Map<String, AttributeValue> toItem(LabResult result, String idempotencyKey) {
        LabMeasurement m = result.measurement();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(partition(result.patientId())));
        item.put(SK, s(labSortKey(result)));
        item.put("type", s("LAB_RESULT"));
        item.put("id", s(result.id().toString()));
        item.put("patient_id", s(result.patientId().value()));
        item.put("idempotency_key", s(idempotencyKey));
        item.put("test_name", s(m.testName()));
        item.put("code", s(m.code()));
        item.put("code_system", s(m.codeSystem()));
        item.put("value", s(m.value()));
        m.numericValue().ifPresent(v -> item.put("numeric_value", decimal(v)));
        item.put("unit", s(m.unit()));
        m.referenceRange().ifPresent(range -> {
            Map<String, AttributeValue> map = new HashMap<>(Map.of("text", s(range.text())));
            range.low().ifPresent(low -> map.put("low", decimal(low)));
            range.high().ifPresent(high -> map.put("high", decimal(high)));
            item.put("reference_range", AttributeValue.fromM(map));
        });
        item.put("abnormal_flag", s(m.abnormalFlag().name()));
        item.put("source_report_id", s(m.sourceReportId()));
        item.put("observed_at", s(m.observedAt().toString()));
        item.put("recorded_at", s(result.recordedAt().toString()));
        return item;
    }

    static LabResult toLabResult(Map<String, AttributeValue> item) {
        Optional<ReferenceRange> range = Optional.ofNullable(item.get("reference_range")).map(AttributeValue::m)
                .map(r -> new ReferenceRange(decimal(r.get("low")), decimal(r.get("high")), r.get("text").s()));
        LabMeasurement measurement = new LabMeasurement(item.get("test_name").s(), item.get("code").s(),
                item.get("code_system").s(), item.get("value").s(), decimal(item.get("numeric_value")),
                item.get("unit").s(), range, AbnormalFlag.valueOf(item.get("abnormal_flag").s()),
                item.get("source_report_id").s(), Instant.parse(item.get("observed_at").s()));
        return new LabResult(UUID.fromString(item.get("id").s()), new PatientId(item.get("patient_id").s()), measurement,
                Instant.parse(item.get("recorded_at").s()));
    }

    /** An idempotency key stands for one result of one patient, whichever patient a repeat names. */
    static Map<String, AttributeValue> labKeyClaim(String idempotencyKey, LabResult result) {
        return pointer(labKeyClaimKey(idempotencyKey), result.patientId(), labSortKey(result));
    }

    static Map<String, AttributeValue> labKeyClaimKey(String idempotencyKey) {
        return Map.of(PK, s("LABKEY#" + idempotencyKey), SK, s("LABKEY"));
    }

    /** The key of the item a locator or claim points at. */
    static Map<String, AttributeValue> pointedKey(Map<String, AttributeValue> pointer) {
        return Map.of(PK, s(partition(new PatientId(pointer.get("patient_id").s()))), SK, pointer.get("target_sk"));
    }

    /** An item under a key of its own that points at an item in a patient's partition: a locator or a claim. */
    private static Map<String, AttributeValue> pointer(Map<String, AttributeValue> key, PatientId patient, String targetSortKey) {
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put("patient_id", s(patient.value()));
        item.put("target_sk", s(targetSortKey));
        return item;
    }

    private static String labSortKey(LabResult result) {
        return LAB_PREFIX + SORTABLE.format(result.measurement().observedAt()) + "#" + result.id();
    }

    private static AttributeValue decimal(double value) {
        return AttributeValue.fromN(java.math.BigDecimal.valueOf(value).toPlainString());
    }

    private static Optional<Double> decimal(AttributeValue value) {
        return Optional.ofNullable(value).map(v -> Double.valueOf(v.n()));
    }

    private static int number(AttributeValue value) {
        return Integer.parseInt(value.n());
    }

    private static Optional<LocalDate> date(AttributeValue value) {
        return Optional.ofNullable(value).map(v -> LocalDate.parse(v.s()));
    }
}
