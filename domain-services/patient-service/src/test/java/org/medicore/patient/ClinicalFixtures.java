package org.medicore.patient;

import org.medicore.patient.domain.AbnormalFlag;
import org.medicore.patient.domain.ClinicalDetail;
import org.medicore.patient.domain.LabMeasurement;
import org.medicore.patient.domain.ReferenceRange;

import java.time.Instant;
import java.util.Optional;

/** Builders for clinical test data: {@code aMeasurement().observedAt(...).value("14.1").measurement()}, {@code anAllergy()}. */
public final class ClinicalFixtures {

    private String code = "718-7";
    private String value = "13.2";
    private Instant observedAt = Instant.parse("2026-04-30T07:30:00Z");

    private ClinicalFixtures() {
    }

    public static ClinicalDetail.Allergy anAllergy() {
        return new ClinicalDetail.Allergy("Penicillin", "", "hives", ClinicalDetail.AllergySeverity.MODERATE);
    }

    public static ClinicalDetail.Note aNote(String text) {
        return new ClinicalDetail.Note(text);
    }

    public static ClinicalFixtures aMeasurement() {
        return new ClinicalFixtures();
    }

    public ClinicalFixtures coded(String code) {
        this.code = code;
        return this;
    }

    public ClinicalFixtures value(String value) {
        this.value = value;
        return this;
    }

    public ClinicalFixtures observedAt(Instant observedAt) {
        this.observedAt = observedAt;
        return this;
    }

    public LabMeasurement measurement() {
        return new LabMeasurement("Haemoglobin", code, "http://loinc.org", value, Optional.of(Double.parseDouble(value)), "g/dL",
                Optional.of(new ReferenceRange(Optional.of(12.0), Optional.of(15.5), "12.0 - 15.5")), AbnormalFlag.NORMAL,
                "", observedAt);
    }
}
