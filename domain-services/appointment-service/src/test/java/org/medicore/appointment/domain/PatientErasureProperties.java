package org.medicore.appointment.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.medicore.appointment.support.AppointmentBuilder;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.appointment.support.AppointmentBuilder.anAppointment;

/** Any appointment of an erased patient: nothing names them afterwards, nothing ahead holds a slot, and twice is once. */
class PatientErasureProperties {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final String PATIENT = "0d9b6a3e-2f41-4c8e-b7a5-1e2f3a4b5c6d";
    private static final String NAME = "Zelda Quist";
    private static final Actor DOCTOR = new Actor("doctor-subject", Role.DOCTOR);

    @Property(tries = 500)
    void an_erased_patients_appointment_names_them_nowhere_and_erasing_again_changes_nothing(
            @ForAll("appointments") Appointment appointment, @ForAll boolean retainClinicalRecords) {
        PatientErasure erasure = new PatientErasure(retainClinicalRecords);
        boolean begun = !NOW.isBefore(appointment.period().start());

        Optional<Decision.Accepted> decision = erasure.erase(appointment, NOW);
        Appointment erased = decision.map(Decision.Accepted::appointment).orElse(appointment);

        boolean keepsReason = retainClinicalRecords && begun;
        assertThat(erased.reason()).isEqualTo(keepsReason ? appointment.reason() : "");
        assertThat(texts(erased).filter(text -> text.contains(NAME)).count())
                .isEqualTo(keepsReason && appointment.reason().contains(NAME) ? 1 : 0);
        assertThat(subjects(erased)).doesNotContain(PATIENT);
        assertThat(subjects(erased).filter(DOCTOR.subject()::equals).count())
                .isEqualTo(subjects(appointment).filter(DOCTOR.subject()::equals).count());
        assertThat(erased.holdsItsSlot() && !begun).as("an appointment ahead still holds its slot").isFalse();
        boolean cancels = appointment.holdsItsSlot() && !begun;
        assertThat(decision.map(Decision.Accepted::events).orElseGet(java.util.List::of)).hasSize(cancels ? 1 : 0);
        if (!cancels) {
            assertThat(erased.status()).isEqualTo(appointment.status());
        }
        assertThat(erasure.erase(erased, NOW.plus(Duration.ofMinutes(1)))).isEmpty();
    }

    @Provide
    Arbitrary<Appointment> appointments() {
        Arbitrary<Duration> fromNow = Arbitraries.longs().between(-90 * 24 * 60, 90 * 24 * 60).map(Duration::ofMinutes);
        Arbitrary<AppointmentStatus> status = Arbitraries.of(AppointmentStatus.class);
        Arbitrary<String> reason = Arbitraries.of("", "knee", NAME + "'s knee", "ask " + NAME + " about the results");
        Arbitrary<Actor> actor = Arbitraries.of(new Actor(PATIENT, Role.PATIENT), DOCTOR);
        return Combinators.combine(fromNow, status, reason, actor, actor, reason).as(
                (offset, state, why, booker, canceller, cancelReason) -> {
                    AppointmentBuilder builder = anAppointment().ofPatient(PATIENT).startingAt(NOW.plus(offset))
                            .inStatus(state).because(why).bookedBy(booker);
                    return state == AppointmentStatus.CANCELLED
                            ? builder.cancelledBy(canceller, cancelReason.isBlank() ? "ill" : cancelReason).build()
                            : builder.build();
                });
    }

    private static Stream<String> texts(Appointment appointment) {
        return Stream.concat(Stream.of(appointment.reason()),
                appointment.cancellation().map(Cancellation::reason).stream());
    }

    private static Stream<String> subjects(Appointment appointment) {
        return Stream.concat(Stream.of(appointment.bookedBy().subject()),
                appointment.cancellation().map(cancellation -> cancellation.recordedBy().subject()).stream());
    }
}
