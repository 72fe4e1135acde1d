package org.medicore.patient.domain;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PatientIdTest {

    @Test
    void a_patient_with_a_portal_account_is_known_by_the_account_subject() {
        String subject = UUID.randomUUID().toString();

        assertThat(PatientId.forAccount(Optional.of(subject)).value()).isEqualTo(subject);
    }

    @Test
    void a_patient_without_an_account_gets_a_fresh_id_each_time() {
        assertThat(PatientId.forAccount(Optional.empty())).isNotEqualTo(PatientId.forAccount(Optional.empty()));
    }

    @Test
    void a_subject_that_is_no_uuid_does_not_become_an_id() {
        assertThat(PatientId.forAccount(Optional.of("service-account-lab")).value()).isNotEqualTo("service-account-lab");
    }
}
