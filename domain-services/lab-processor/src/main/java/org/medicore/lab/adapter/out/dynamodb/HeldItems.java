package org.medicore.lab.adapter.out.dynamodb;

import org.medicore.lab.domain.AbnormalFlag;
import org.medicore.lab.domain.HeldForReview;
import org.medicore.lab.domain.LabValue;
import org.medicore.lab.domain.LoincCode;
import org.medicore.lab.domain.PrintedIdentity;
import org.medicore.lab.domain.ReferenceRange;
import org.medicore.lab.domain.ReviewFinding;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a report held for review sits in its item: findings and values read as lists of maps, the
 * printed identity and the text as plain attributes, so a reviewer's decision later needs
 * nothing but the item.
 */
final class HeldItems {

    private HeldItems() {
    }

    static void put(Map<String, AttributeValue> item, HeldForReview held) {
        item.put("review_findings", findings(held.findings()));
        item.put("values_read", AttributeValue.fromL(held.valuesRead().stream().map(HeldItems::value).toList()));
        held.printedIdentity().name().ifPresent(name -> item.put("printed_name", s(name)));
        held.printedIdentity().dateOfBirth().ifPresent(day -> item.put("printed_date_of_birth", s(day.toString())));
        held.printedIdentity().patientNumber().ifPresent(number -> item.put("printed_patient_number", s(number)));
        item.put("observed_at", s(held.observedAt().toString()));
        item.put("report_text", s(held.text()));
    }

    static Optional<HeldForReview> held(Map<String, AttributeValue> item) {
        if (!item.containsKey("review_findings")) {
            return Optional.empty();
        }
        PrintedIdentity identity = new PrintedIdentity(string(item, "printed_name"),
                string(item, "printed_date_of_birth").map(LocalDate::parse), string(item, "printed_patient_number"));
        return Optional.of(new HeldForReview(findings(item.get("review_findings")),
                item.get("values_read").l().stream().map(v -> value(v.m())).toList(), identity,
                Instant.parse(item.get("observed_at").s()), item.get("report_text").s()));
    }

    static AttributeValue findings(List<ReviewFinding> findings) {
        return AttributeValue.fromL(findings.stream().map(f -> AttributeValue.fromM(Map.of(
                "kind", s(f.kind().name()), "line", s(f.line()), "reason", s(f.reason())))).toList());
    }

    static List<ReviewFinding> findings(AttributeValue list) {
        return list.l().stream().map(AttributeValue::m).map(f -> new ReviewFinding(
                ReviewFinding.Kind.valueOf(f.get("kind").s()), f.get("line").s(), f.get("reason").s())).toList();
    }

    private static AttributeValue value(LabValue value) {
        Map<String, AttributeValue> map = new HashMap<>();
        map.put("line", AttributeValue.fromN(Integer.toString(value.line())));
        map.put("test_name", s(value.testName()));
        value.code().ifPresent(code -> map.put("code", s(code.value())));
        map.put("value", s(value.value()));
        value.numericValue().ifPresent(number -> map.put("numeric_value", AttributeValue.fromN(Double.toString(number))));
        map.put("unit", s(value.unit()));
        map.put("printed_unit", s(value.printedUnit()));
        value.referenceRange().ifPresent(range -> {
            map.put("range_text", s(range.text()));
            range.low().ifPresent(low -> map.put("range_low", AttributeValue.fromN(Double.toString(low))));
            range.high().ifPresent(high -> map.put("range_high", AttributeValue.fromN(Double.toString(high))));
        });
        map.put("flag", s(value.flag().name()));
        return AttributeValue.fromM(map);
    }

    private static LabValue value(Map<String, AttributeValue> map) {
        Optional<ReferenceRange> range = string(map, "range_text").map(text -> new ReferenceRange(
                number(map, "range_low"), number(map, "range_high"), text));
        return new LabValue(Integer.parseInt(map.get("line").n()), map.get("test_name").s(),
                string(map, "code").map(LoincCode::new), map.get("value").s(), number(map, "numeric_value"),
                map.get("unit").s(), map.get("printed_unit").s(), range, AbnormalFlag.valueOf(map.get("flag").s()));
    }

    private static Optional<String> string(Map<String, AttributeValue> map, String name) {
        return Optional.ofNullable(map.get(name)).map(AttributeValue::s);
    }

    private static Optional<Double> number(Map<String, AttributeValue> map, String name) {
        return Optional.ofNullable(map.get(name)).map(v -> Double.parseDouble(v.n()));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
