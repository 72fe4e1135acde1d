package org.medicore.appointment.domain;

import org.junit.jupiter.api.Test;
import org.medicore.appointment.domain.AppointmentEvent.AppointmentCancelled;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.appointment.support.AppointmentBuilder.anAppointment;

class PatientErasureTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final String PATIENT = "6c1f0b7e-8d7a-4c55-9f0e-3f1d2c3b4a59";
    private static final Actor RECEPTION = new Actor("reception-subject", Role.ADMIN);
    private static final PatientErasure ERASURE = new PatientErasure(false);
    private static final PatientErasure RETAINING = new PatientErasure(true);

    @Test
    void should_cancel_an_appointment_ahead_by_the_system_never_late_and_free_its_slot() {
        Appointment ahead = anAppointment().ofPatient(PATIENT).startingAt(NOW.plus(Duration.ofHours(2)))
                .because("Zelda Quist's knee").build();

        Decision.Accepted erased = ERASURE.erase(ahead, NOW).orElseThrow();

        assertThat(erased.appointment().status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(erased.appointment().holdsItsSlot()).isFalse();
        assertThat(erased.appointment().reason()).isEmpty();
        assertThat(erased.appointment().bookedBy()).isEqualTo(PatientErasure.ERASED_PATIENT);
        assertThat(erased.appointment().version()).isEqualTo(ahead.version() + 1);
        assertThat(erased.events()).singleElement().isInstanceOfSatisfying(AppointmentCancelled.class, cancelled -> {
            assertThat(cancelled.cancelledBy()).isEqualTo(CancellingParty.SYSTEM);
            assertThat(cancelled.late()).isFalse();
            assertThat(cancelled.reason()).isEqualTo(PatientErasure.CANCEL_REASON);
        });
    }

    @Test
    void should_cancel_an_appointment_ahead_the_patient_is_checked_in_for() {
        Appointment checkedIn = anAppointment().ofPatient(PATIENT).startingAt(NOW.plus(Duration.ofMinutes(20)))
                .inStatus(AppointmentStatus.CHECKED_IN).build();

        assertThat(ERASURE.erase(checkedIn, NOW).orElseThrow().appointment().status())
                .isEqualTo(AppointmentStatus.CANCELLED);
    }

    @Test
    void should_keep_a_past_visit_but_drop_its_reason_and_keep_the_staff_who_booked_it() {
        Appointment past = anAppointment().ofPatient(PATIENT).startingAt(NOW.minus(Duration.ofDays(30)))
                .inStatus(AppointmentStatus.COMPLETED).because("Zelda Quist, follow-up").bookedBy(RECEPTION).build();

        Decision.Accepted erased = ERASURE.erase(past, NOW).orElseThrow();

        assertThat(erased.appointment().status()).isEqualTo(AppointmentStatus.COMPLETED);
        assertThat(erased.appointment().reason()).isEmpty();
        assertThat(erased.appointment().bookedBy()).isEqualTo(RECEPTION);
        assertThat(erased.events()).isEmpty();
    }

    @Test
    void should_keep_a_past_visits_reason_where_the_clinic_must_keep_clinical_records() {
        Appointment past = anAppointment().ofPatient(PATIENT).startingAt(NOW.minus(Duration.ofDays(30)))
                .inStatus(AppointmentStatus.COMPLETED).because("chest pain").build();
        Appointment ahead = anAppointment().ofPatient(PATIENT).startingAt(NOW.plus(Duration.ofDays(3)))
                .because("chest pain again").build();

        assertThat(RETAINING.erase(past, NOW).orElseThrow().appointment().reason()).isEqualTo("chest pain");
        assertThat(RETAINING.erase(ahead, NOW).orElseThrow().appointment().reason()).isEmpty();
    }

    @Test
    void should_replace_the_reason_of_an_earlier_cancellation_and_the_patients_login_that_recorded_it() {
        Appointment cancelled = anAppointment().ofPatient(PATIENT).startingAt(NOW.plus(Duration.ofDays(5)))
                .cancelledBy(new Actor(PATIENT, Role.PATIENT), "Zelda has the flu").build();

        Appointment erased = ERASURE.erase(cancelled, NOW).orElseThrow().appointment();

        assertThat(erased.cancellation()).hasValueSatisfying(cancellation -> {
            assertThat(cancellation.reason()).isEqualTo(PatientErasure.CANCEL_REASON);
            assertThat(cancellation.recordedBy()).isEqualTo(PatientErasure.ERASED_PATIENT);
            assertThat(cancellation.cancelledBy()).isEqualTo(CancellingParty.PATIENT);
            assertThat(cancellation.cancelledAt()).isEqualTo(cancelled.cancellation().orElseThrow().cancelledAt());
        });
    }

    @Test
    void should_change_nothing_when_the_patient_is_erased_again() {
        Appointment ahead = anAppointment().ofPatient(PATIENT).startingAt(NOW.plus(Duration.ofDays(1)))
                .because("Zelda Quist").build();
        Appointment erased = ERASURE.erase(ahead, NOW).orElseThrow().appointment();

        assertThat(ERASURE.erase(erased, NOW.plus(Duration.ofMinutes(1)))).isEmpty();
    }
}
