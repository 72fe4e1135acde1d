package org.medicore.patient.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.patient.PatientFixtures.aPatient;

class PatientAccessTest {

    private final Patient annasRecord = Patient.register(PatientId.random(), aPatient().demographics(),
            Optional.of("anna-subject"), "", Instant.now()).patient();

    @Test
    void a_patient_sees_and_changes_only_their_own_record() {
        Caller anna = new Caller("anna-subject", Set.of(Role.PATIENT));
        Caller bob = new Caller("bob-subject", Set.of(Role.PATIENT));

        assertThat(PatientAccess.mayReadDemographics(anna, annasRecord)).isTrue();
        assertThat(PatientAccess.mayChangeDemographics(anna, annasRecord)).isTrue();
        assertThat(PatientAccess.mayReadDemographics(bob, annasRecord)).isFalse();
        assertThat(PatientAccess.mayChangeDemographics(bob, annasRecord)).isFalse();
    }

    @Test
    void billing_staff_read_demographics_but_do_not_change_them() {
        Caller billing = new Caller("billing-subject", Set.of(Role.BILLING));

        assertThat(PatientAccess.mayReadDemographics(billing, annasRecord)).isTrue();
        assertThat(PatientAccess.mayChangeDemographics(billing, annasRecord)).isFalse();
    }

    @Test
    void doctors_and_admins_see_and_change_any_record() {
        for (Role role : Set.of(Role.DOCTOR, Role.ADMIN)) {
            Caller staff = new Caller("staff", Set.of(role));
            assertThat(PatientAccess.mayReadDemographics(staff, annasRecord)).isTrue();
            assertThat(PatientAccess.mayChangeDemographics(staff, annasRecord)).isTrue();
        }
    }

    @Test
    void a_patient_registers_only_themselves() {
        Caller anna = new Caller("anna-subject", Set.of(Role.PATIENT));

        assertThat(PatientAccess.mayRegister(anna, Optional.of("anna-subject"))).isTrue();
        assertThat(PatientAccess.mayRegister(anna, Optional.of("someone-else"))).isFalse();
        assertThat(PatientAccess.mayRegister(new Caller("b", Set.of(Role.BILLING)), Optional.empty())).isFalse();
    }

    @Test
    void clinical_data_is_recorded_by_doctors_and_admins_and_read_by_them_and_its_patient_only() {
        Caller anna = new Caller("anna-subject", Set.of(Role.PATIENT));
        Caller bob = new Caller("bob-subject", Set.of(Role.PATIENT));
        Caller billing = new Caller("billing-subject", Set.of(Role.BILLING));

        for (Role role : Set.of(Role.DOCTOR, Role.ADMIN)) {
            Caller staff = new Caller("staff", Set.of(role));
            assertThat(PatientAccess.mayRecordClinicalData(staff, annasRecord)).isTrue();
            assertThat(PatientAccess.mayReadClinicalData(staff, annasRecord)).isTrue();
        }
        assertThat(PatientAccess.mayReadClinicalData(anna, annasRecord)).isTrue();
        assertThat(PatientAccess.mayRecordClinicalData(anna, annasRecord)).isFalse();
        assertThat(PatientAccess.mayReadClinicalData(bob, annasRecord)).isFalse();
        assertThat(PatientAccess.mayReadClinicalData(billing, annasRecord)).isFalse();
        assertThat(PatientAccess.mayRecordClinicalData(billing, annasRecord)).isFalse();
    }

    @Test
    void a_caller_acts_under_their_most_powerful_role() {
        assertThat(new Caller("s", Set.of(Role.PATIENT, Role.DOCTOR), "Dr. Jana Novak").asActor())
                .isEqualTo(new Actor("s", Role.DOCTOR, "Dr. Jana Novak"));
    }
}
