package org.medicore.appointment.adapter.out;

import org.junit.jupiter.api.Test;
import org.medicore.appointment.application.port.in.BookAppointment;
import org.medicore.appointment.application.port.in.ChangeAppointment;
import org.medicore.appointment.domain.Appointment;
import org.medicore.appointment.domain.AppointmentStatus;
import org.medicore.appointment.domain.AppointmentType;
import org.medicore.appointment.domain.Caller;
import org.medicore.appointment.domain.CancellingParty;
import org.medicore.appointment.domain.PatientId;
import org.medicore.appointment.domain.Practitioner;
import org.medicore.appointment.support.IntegrationTest;
import org.medicore.support.port.Outcome;
import org.medicore.support.port.Refusal;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class BookingAgainstPostgresTest extends IntegrationTest {

    @Autowired
    BookAppointment booking;

    @Autowired
    ChangeAppointment changes;

    @Test
    void fifty_patients_racing_for_one_slot_get_one_booking_and_forty_nine_slot_taken_refusals() throws Exception {
        Practitioner practitioner = aPractitionerWithHours();
        Instant slot = at(nextMonday(), "09:00");
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Outcome<Appointment>>> requests = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Caller patient = aNewPatient();
            requests.add(() -> {
                start.await();
                return booking.book(patient, command(patient, practitioner, slot, UUID.randomUUID().toString()));
            });
        }

        List<Outcome<Appointment>> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
            List<Future<Outcome<Appointment>>> futures = requests.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<Outcome<Appointment>> future : futures) {
                outcomes.add(future.get());
            }
        }

        assertThat(outcomes).filteredOn(Outcome.Done.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> outcome instanceof Outcome.Refused<Appointment>(Refusal.Forbidden forbidden)
                && forbidden.rule().equals("SLOT_TAKEN")).hasSize(49);
    }

    @Test
    void a_retry_with_the_same_key_returns_the_first_booking() {
        Practitioner practitioner = aPractitionerWithHours();
        Caller patient = aNewPatient();
        var command = command(patient, practitioner, at(nextMonday(), "10:00"), "retry-key");

        Appointment first = success(booking.book(patient, command));
        Appointment retried = success(booking.book(patient, command));

        assertThat(retried.id()).isEqualTo(first.id());
    }

    @Test
    void the_same_key_with_a_different_request_is_refused() {
        Practitioner practitioner = aPractitionerWithHours();
        Caller patient = aNewPatient();
        success(booking.book(patient, command(patient, practitioner, at(nextMonday(), "10:00"), "reused-key")));

        Outcome<Appointment> reused = booking.book(patient, command(patient, practitioner, at(nextMonday(), "10:30"), "reused-key"));

        assertThat(refusal(reused)).isInstanceOfSatisfying(Refusal.Invalid.class,
                invalid -> assertThat(invalid.violations().getFirst().field()).isEqualTo("idempotency_key"));
    }

    @Test
    void a_reschedule_onto_a_taken_slot_changes_nothing_and_keeps_the_old_slot_held() {
        Practitioner practitioner = aPractitionerWithHours();
        LocalDate day = nextMonday();
        Caller alice = aNewPatient();
        Caller bob = aNewPatient();
        Appointment alices = success(booking.book(alice, command(alice, practitioner, at(day, "08:00"), "a")));
        success(booking.book(bob, command(bob, practitioner, at(day, "08:30"), "b")));

        Outcome<Appointment> onto = changes.reschedule(alice, new ChangeAppointment.Reschedule(alices.id(), 0, at(day, "08:30")));

        assertThat(brokenRule(onto)).isEqualTo("SLOT_TAKEN");
        Caller carol = aNewPatient();
        assertThat(booking.book(carol, command(carol, practitioner, at(day, "08:00"), "c")))
                .isInstanceOf(Outcome.Refused.class);
    }

    @Test
    void a_reschedule_onto_a_free_slot_frees_the_old_one() {
        Practitioner practitioner = aPractitionerWithHours();
        LocalDate day = nextMonday();
        Caller alice = aNewPatient();
        Appointment alices = success(booking.book(alice, command(alice, practitioner, at(day, "11:00"), "a")));

        Appointment moved = success(changes.reschedule(alice, new ChangeAppointment.Reschedule(alices.id(), 1, at(day, "11:30"))));

        assertThat(moved.period().start()).isEqualTo(at(day, "11:30"));
        Caller bob = aNewPatient();
        success(booking.book(bob, command(bob, practitioner, at(day, "11:00"), "b")));
    }

    @Test
    void a_cancelled_slot_can_be_booked_again_but_the_cancelled_appointment_cannot_be_completed() {
        Practitioner practitioner = aPractitionerWithHours();
        Caller alice = aNewPatient();
        Instant slot = at(nextMonday().plusDays(1), "09:00");
        Appointment alices = success(booking.book(alice, command(alice, practitioner, slot, "a")));

        Appointment cancelled = success(changes.cancel(alice,
                new ChangeAppointment.Cancel(alices.id(), 1, Optional.of(CancellingParty.PATIENT), "feeling better")));
        Outcome<Appointment> complete = changes.complete(ADMIN, alices.id(), 0);

        assertThat(cancelled.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(brokenRule(complete)).isEqualTo("ALREADY_FINAL");
        Caller bob = aNewPatient();
        success(booking.book(bob, command(bob, practitioner, slot, "b")));
    }

    @Test
    void a_stale_expected_version_is_refused_with_the_current_one() {
        Practitioner practitioner = aPractitionerWithHours();
        Caller alice = aNewPatient();
        Appointment alices = success(booking.book(alice, command(alice, practitioner, at(nextMonday(), "09:30"), "a")));

        Outcome<Appointment> stale = changes.cancel(alice, new ChangeAppointment.Cancel(alices.id(), 7, Optional.of(CancellingParty.PATIENT), "x"));

        assertThat(refusal(stale)).isEqualTo(new Refusal.Stale(1));
    }

    static BookAppointment.Command command(Caller patient, Practitioner practitioner, Instant start, String key) {
        return new BookAppointment.Command(key, new PatientId(patient.subject()), practitioner.id(), start,
                AppointmentType.CONSULTATION, "check-up");
    }
}
