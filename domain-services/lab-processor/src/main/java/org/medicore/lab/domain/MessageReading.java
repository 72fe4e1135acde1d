package org.medicore.lab.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A lab's message judged as a printed report is: each final observation a value, flagged from
 * its range and the critical limits; an OBX-8 flag the range contradicts, a value past a critical
 * limit (ours, or the lab's own HH/LL) and an observation not final (preliminary, pending) are
 * findings, so the same review rules hold the message for a clinician. Observations the lab marks
 * as not obtained, deleted or wrong (OBX-11 X, D, W) are not results.
 */
public record MessageReading(List<LabValue> values, List<ReviewFinding> findings, PrintedIdentity identity) {

    private static final List<String> FINAL = List.of("F", "C", "");
    private static final List<String> NOT_RESULTS = List.of("X", "D", "W");

    public MessageReading {
        values = List.copyOf(values);
        findings = List.copyOf(findings);
    }

    /** {@code authority} assigns the clinic's record ids in PID-3 (MEDICORE). */
    public static MessageReading of(LabMessage message, String authority) {
        List<LabValue> values = new ArrayList<>();
        List<ReviewFinding> findings = new ArrayList<>();
        for (LabMessage.Observation observation : message.observations()) {
            String status = observation.status().toUpperCase(Locale.ROOT);
            if (NOT_RESULTS.contains(status)) {
                continue;
            }
            String line = line(observation);
            if (!FINAL.contains(status)) {
                findings.add(new ReviewFinding(ReviewFinding.Kind.UNREAD_LINE, line,
                        "the lab sent " + observation.testName() + " as not final (OBX-11 " + status + ")"));
                continue;
            }
            values.add(value(observation, values.size() + 1, line, findings));
        }
        String name = (message.givenNames() + " " + message.familyName()).strip();
        PrintedIdentity identity = new PrintedIdentity(name.isEmpty() ? Optional.empty() : Optional.of(name),
                message.birthDate(), message.recordId(authority));
        return new MessageReading(values, findings, identity);
    }

    private static LabValue value(LabMessage.Observation observation, int position, String line,
                                  List<ReviewFinding> findings) {
        Optional<ReferenceRange> range = ReferenceRanges.parse(observation.range());
        String ucum = Terminology.ucum(observation.unit());
        Optional<LoincCode> code = observation.loinc()
                .or(() -> Terminology.codeFor(observation.testName(), ucum, observation.number().isPresent()));
        AbnormalFlag computed = range.map(r -> r.flagOf(observation.value(), observation.number()))
                .orElse(AbnormalFlag.UNSPECIFIED);
        Optional<AbnormalFlag> sent = sentFlag(observation.printedFlag());
        if (computed != AbnormalFlag.UNSPECIFIED && sent.filter(flag -> disagree(flag, computed)).isPresent()) {
            findings.add(new ReviewFinding(ReviewFinding.Kind.FLAG_DISAGREES, line, "the lab flags "
                    + observation.testName() + " " + observation.value() + " as " + observation.printedFlag()
                    + " but the range " + observation.range() + " makes it " + computed));
        }
        AbnormalFlag flag = sent.filter(AbnormalFlag::isCritical)
                .orElse(computed != AbnormalFlag.UNSPECIFIED ? computed : sent.orElse(AbnormalFlag.UNSPECIFIED));
        AbnormalFlag withLimits = CriticalLimits.apply(code, observation.number(), ucum, flag);
        if (withLimits.isCritical()) {
            findings.add(new ReviewFinding(ReviewFinding.Kind.CRITICAL_VALUE, line, observation.testName() + " "
                    + observation.value() + " " + observation.unit() + " is past a critical (panic) limit"));
        }
        return new LabValue(position, observation.testName(), code, observation.value(), observation.number(), ucum,
                observation.unit(), range, withLimits);
    }

    /** OBX-8 (HL7 table 0078) as a flag; empty for those that say nothing about the range (<, >, S, R, I ...). */
    private static Optional<AbnormalFlag> sentFlag(String flag) {
        return Optional.ofNullable(switch (flag.toUpperCase(Locale.ROOT)) {
            case "H" -> AbnormalFlag.HIGH;
            case "L" -> AbnormalFlag.LOW;
            case "HH" -> AbnormalFlag.CRITICAL_HIGH;
            case "LL" -> AbnormalFlag.CRITICAL_LOW;
            case "N" -> AbnormalFlag.NORMAL;
            case "A", "AA" -> AbnormalFlag.ABNORMAL;
            default -> null;
        });
    }

    private static boolean disagree(AbnormalFlag sent, AbnormalFlag computed) {
        return switch (sent) {
            case HIGH, CRITICAL_HIGH -> computed != AbnormalFlag.HIGH;
            case LOW, CRITICAL_LOW -> computed != AbnormalFlag.LOW;
            case NORMAL -> computed.isAbnormal();
            case ABNORMAL -> !computed.isAbnormal();
            default -> false;
        };
    }

    /** The observation as a reviewer reads it: "OBX 4: Potassium 6.9 mmol/L (3.5-5.1) HH". */
    private static String line(LabMessage.Observation observation) {
        String range = observation.range().isEmpty() ? "" : " (" + observation.range() + ")";
        return ("OBX " + observation.setId() + ": " + observation.testName() + " " + observation.value() + " "
                + observation.unit()).strip() + range + (observation.printedFlag().isEmpty() ? "" : " " + observation.printedFlag());
    }
}
