package org.medicore.lab.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A laboratory's result message (HL7 v2 ORU^R01) as the lab sent it: who sent it under which
 * control id, the patient it names (PID) and its observations (OBX), not yet judged.
 */
public record LabMessage(String sender, String controlId, List<Identifier> identifiers, String familyName,
                         String givenNames, Optional<LocalDate> birthDate, Optional<Instant> collectedAt,
                         List<Observation> observations) {

    public LabMessage {
        identifiers = List.copyOf(identifiers);
        observations = List.copyOf(observations);
    }

    /** A patient identifier of PID-3: its value, who assigned it (e.g. MEDICORE) and its type (MR, PI). */
    public record Identifier(String value, String assigningAuthority, String type) {
    }

    /**
     * One OBX as printed: {@code loinc} only when OBX-3 is coded in LN; {@code number} when OBX-5 is
     * numeric; {@code printedFlag} is OBX-8 (H, L, HH, LL, N, A) and {@code status} OBX-11 (F, C, P).
     */
    public record Observation(int setId, String testName, Optional<LoincCode> loinc, String value,
                              Optional<Double> number, String unit, String range, String printedFlag,
                              String status) {
    }

    /** The id of the MediCore patient record the lab names, when it names one under {@code authority}. */
    public Optional<String> recordId(String authority) {
        return identifiers.stream().filter(id -> id.assigningAuthority().equalsIgnoreCase(authority))
                .map(Identifier::value).findFirst();
    }
}
