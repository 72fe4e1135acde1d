package org.medicore.patient.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ErasureRequestTest {

    private static final Instant RECORDED = Instant.parse("2026-05-01T09:00:00Z");
    private static final Actor ADMIN_A = new Actor("admin-a", Role.ADMIN, "Ada");
    private static final Actor ADMIN_B = new Actor("admin-b", Role.ADMIN, "Ben");

    private final ErasureRequest pending = ErasureRequest.record(PatientId.random(), ADMIN_A, "by letter", RECORDED);

    @Test
    void only_someone_other_than_who_recorded_it_decides_a_request() {
        assertThat(pending.mayBeDecidedBy(ADMIN_A)).isFalse();
        assertThat(pending.mayBeDecidedBy(ADMIN_B)).isTrue();
        ErasureRequest askedByThePatient = ErasureRequest.record(pending.patientId(),
                new Actor(pending.patientId().value(), Role.PATIENT, "Anna"), "", RECORDED);
        assertThat(askedByThePatient.mayBeDecidedBy(ADMIN_A)).isTrue();
    }

    @Test
    void an_approval_keeps_the_login_until_the_erasure_is_done_and_announces_it_with_the_time_of_approval() {
        Instant approvedAt = RECORDED.plusSeconds(3_600);
        ErasureRequest approved = pending.approve(ADMIN_B, Optional.of("anna-login"), approvedAt);

        ErasureRequest.Erased erased = approved.erased(approvedAt.plusSeconds(5));

        assertThat(approved.state()).isEqualTo(ErasureState.APPROVED);
        assertThat(approved.accountSubject()).contains("anna-login");
        assertThat(erased.request().state()).isEqualTo(ErasureState.DONE);
        assertThat(erased.request().accountSubject()).isEmpty();
        assertThat(erased.request().decidedBy()).contains(ADMIN_B);
        assertThat(erased.request().erasedAt()).contains(approvedAt.plusSeconds(5));
        assertThat(erased.event().patientId()).isEqualTo(pending.patientId());
        assertThat(erased.event().approvedAt()).isEqualTo(approvedAt);
    }

    @Test
    void a_declined_request_says_why_and_names_no_login() {
        ErasureRequest declined = pending.decline(ADMIN_B, "treatment ongoing", RECORDED.plusSeconds(60));

        assertThat(declined.state()).isEqualTo(ErasureState.DECLINED);
        assertThat(declined.declineReason()).isEqualTo("treatment ongoing");
        assertThat(declined.accountSubject()).isEmpty();
    }
}
