package org.medicore.lab.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.lab.domain.LabReports.NOW;
import static org.medicore.lab.domain.LabReports.aDoctor;
import static org.medicore.lab.domain.LabReports.aReport;
import static org.medicore.lab.domain.LabReports.thePatient;

class ReviewTest {

    private static final ReviewDecision.StatedValue HEMOGLOBIN =
            new ReviewDecision.StatedValue("Hemoglobin", Optional.of(new LoincCode("718-7")), "10.9", "g/dL", "12.0 - 15.5");

    @Test
    void a_stated_value_is_flagged_from_its_range_and_the_critical_limits_as_a_read_one_would_be() {
        assertThat(HEMOGLOBIN.asValue(1).flag()).isEqualTo(AbnormalFlag.LOW);
        assertThat(new ReviewDecision.StatedValue("Potassium", Optional.of(new LoincCode("2823-3")), "6,9", "mmol/L",
                "3.5–5.1").asValue(2)).satisfies(potassium -> {
                    assertThat(potassium.numericValue()).contains(6.9);
                    assertThat(potassium.flag()).isEqualTo(AbnormalFlag.CRITICAL_HIGH);
                });
        assertThat(new ReviewDecision.StatedValue("Protein", Optional.empty(), "negative", "", "negative").asValue(3))
                .satisfies(protein -> {
                    assertThat(protein.numericValue()).isEmpty();
                    assertThat(protein.flag()).isEqualTo(AbnormalFlag.NORMAL);
                    assertThat(protein.referenceRange()).map(ReferenceRange::text).contains("negative");
                });
    }

    @Test
    void a_correction_lists_what_changed_was_added_and_was_removed_against_the_values_read() {
        LabValue readHemoglobin = HEMOGLOBIN.asValue(1);
        LabValue readPlatelets = new ReviewDecision.StatedValue("Platelets", Optional.empty(), "452", "10*3/uL", "150 - 400")
                .asValue(2);
        List<LabValue> decided = List.of(
                new ReviewDecision.StatedValue("Hemoglobin", Optional.empty(), "11.9", "g/dL", "12.0 - 15.5").asValue(1),
                new ReviewDecision.StatedValue("Sodium", Optional.empty(), "140", "mmol/L", "").asValue(2));

        Review review = Review.corrected(aDoctor(), NOW, List.of(readHemoglobin, readPlatelets), decided);

        assertThat(review.kind()).isEqualTo(Review.Kind.CORRECTED);
        assertThat(review.changes()).containsExactly("Hemoglobin: 10.9 g/dL (12.0 - 15.5) -> 11.9 g/dL (12.0 - 15.5)",
                "added Sodium 140 mmol/L", "removed Platelets 452 10*3/uL (150 - 400)");
    }

    @Test
    void doctors_and_admins_review_but_never_the_patient_who_uploaded_the_report() {
        String patientId = UUID.randomUUID().toString();
        LabReport uploadedByPatient = aReport().forPatient(patientId).uploadedBy(thePatient(patientId)).build();
        Caller patientWhoIsAlsoDoctor = new Caller(patientId, Set.of(Role.PATIENT, Role.DOCTOR));

        assertThat(ReviewAccess.mayDecide(aDoctor(), uploadedByPatient)).isTrue();
        assertThat(ReviewAccess.mayDecide(new Caller("admin", Set.of(Role.ADMIN)), uploadedByPatient)).isTrue();
        assertThat(ReviewAccess.mayDecide(thePatient(patientId), uploadedByPatient)).isFalse();
        assertThat(ReviewAccess.mayDecide(patientWhoIsAlsoDoctor, uploadedByPatient)).isFalse();
        assertThat(ReviewAccess.mayReview(new Caller("billing", Set.of(Role.BILLING)))).isFalse();
    }

    @Test
    void a_decision_ends_the_hold_keeps_the_decision_and_raises_the_final_event() {
        LabReport processing = aReport().build().uploaded(NOW).processing();
        LabValue hemoglobin = HEMOGLOBIN.asValue(1);
        LabReport held = processing.heldForReview(new HeldForReview(List.of(ReviewFinding.aboutReport(
                ReviewFinding.Kind.NO_IDENTITY, "no identity printed")), List.of(hemoglobin), PrintedIdentity.NONE, NOW,
                "Hemoglobin 10.9 g/dL"), NOW).report();
        String other = UUID.randomUUID().toString();

        LabReport.Change reassigned = held.claimedForReview().decided(
                Review.reassigned(aDoctor(), NOW, held.patientId(), other), other, List.of(hemoglobin), List.of("r1"), NOW);
        LabReport.Change rejected = held.rejectedInReview(Review.rejected(aDoctor(), NOW, "not ours"), NOW);

        assertThat(reassigned.report()).satisfies(report -> {
            assertThat(report.status()).isEqualTo(LabReportStatus.PROCESSED);
            assertThat(report.patientId()).isEqualTo(other);
            assertThat(report.held()).isEmpty();
            assertThat(report.review()).map(Review::kind).contains(Review.Kind.REASSIGNED);
            assertThat(report.version()).isEqualTo(held.version() + 2);
        });
        assertThat(reassigned.event()).isInstanceOfSatisfying(LabReportEvent.Processed.class,
                event -> assertThat(event.patientId()).isEqualTo(other));
        assertThat(rejected.report().rejection()).map(Rejection::reason).contains(RejectionReason.REJECTED_IN_REVIEW);
        assertThat(rejected.event()).isInstanceOf(LabReportEvent.Rejected.class);
    }
}
