package org.medicore.lab.support;

import org.medicore.lab.application.port.out.SaveReport;
import org.medicore.lab.domain.AbnormalFlag;
import org.medicore.lab.domain.HeldForReview;
import org.medicore.lab.domain.LabReport;
import org.medicore.lab.domain.LabValue;
import org.medicore.lab.domain.LoincCode;
import org.medicore.lab.domain.PrintedIdentity;
import org.medicore.lab.domain.ReferenceRange;
import org.medicore.lab.domain.ReviewFinding;
import org.medicore.lab.domain.Role;
import org.medicore.lab.domain.Uploader;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A report as the processor leaves it when it holds one for review (a critical potassium), stored
 * through the service's own port: the review tests start where processing ends, whatever rule held it.
 */
public final class HeldReports {

    private static final Instant COLLECTED = Instant.parse("2026-03-01T07:15:00Z");

    private HeldReports() {
    }

    /** Holds a report uploaded by {@code uploaderSubject} (a patient) for {@code patientId}; answers its id. */
    public static String holdFor(SaveReport reports, String patientId, String uploaderSubject) {
        Instant now = Instant.now();
        LabReport processing = LabReport.awaitingUpload(patientId, "blood-panel.pdf", 2048,
                new Uploader(uploaderSubject, Role.PATIENT), now).uploaded(now).processing();
        reports.create(processing);
        HeldForReview hold = new HeldForReview(List.of(new ReviewFinding(ReviewFinding.Kind.CRITICAL_VALUE,
                "Potassium 6.9 mmol/L 3.5 - 5.1 H", "Potassium 6.9 mmol/L is past the critical limit 6.5")),
                List.of(value(1, "Hemoglobin", "718-7", 10.9, "g/dL", 12.0, 15.5, AbnormalFlag.LOW),
                        value(2, "Potassium", "2823-3", 6.9, "mmol/L", 3.5, 5.1, AbnormalFlag.CRITICAL_HIGH)),
                new PrintedIdentity(Optional.of("Anna Lab"), Optional.of(LocalDate.of(1985, 3, 14)), Optional.empty()),
                COLLECTED, "Hemoglobin 10.9 g/dL 12.0 - 15.5 L\nPotassium 6.9 mmol/L 3.5 - 5.1 H");
        LabReport.Change held = processing.heldForReview(hold, now);
        if (!reports.complete(held, processing.version())) {
            throw new IllegalStateException("the held report was changed meanwhile");
        }
        return processing.id();
    }

    private static LabValue value(int line, String test, String loinc, double value, String unit, double low, double high,
                                  AbnormalFlag flag) {
        String printed = Double.toString(value);
        return new LabValue(line, test, Optional.of(new LoincCode(loinc)), printed, Optional.of(value), unit, unit,
                Optional.of(new ReferenceRange(Optional.of(low), Optional.of(high), low + " - " + high)), flag);
    }
}
