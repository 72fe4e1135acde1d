package org.medicore.analytics.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WindowCountsTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:00:10Z");
    private static final CareUnit CARDIOLOGY = new CareUnit("c1", "Cardiology", "dr-novak");
    private static final TimeSlot SLOT = new TimeSlot(AT.plusSeconds(3600), AT.plusSeconds(5400));

    @Test
    void should_count_a_late_cancellation_as_a_cancellation_too() {
        WindowCounts counts = WindowCounts.of(new ClinicEvent.AppointmentCancelled("e1", AT, "a1", CARDIOLOGY, SLOT, true));

        assertThat(counts.cancellations()).isEqualTo(1);
        assertThat(counts.lateCancellations()).isEqualTo(1);
    }

    @Test
    void should_count_nothing_for_a_move() {
        WindowCounts counts = WindowCounts.of(new ClinicEvent.AppointmentRescheduled("e1", AT, "a1", CARDIOLOGY, SLOT, SLOT));

        assertThat(counts).isEqualTo(WindowCounts.NONE);
    }

    @Test
    void should_take_a_voided_invoice_out_of_revenue_invoiced_in_the_window_it_was_issued_in() {
        Instant issuedAt = AT.minusSeconds(20);
        var voided = new ClinicEvent.InvoiceVoided("e1", AT, CARDIOLOGY, new Money(5_000, "EUR"), issuedAt);

        assertThat(WindowCounts.of(voided).revenueInvoiced()).isEqualTo(new Money(-5_000, "EUR"));
        assertThat(voided.countedAt()).isEqualTo(issuedAt);
    }

    @Test
    void should_add_revenue_in_one_currency() {
        WindowCounts issued = WindowCounts.of(new ClinicEvent.InvoiceIssued("e1", AT, CARDIOLOGY, new Money(12_000, "EUR")));
        WindowCounts paid = WindowCounts.of(new ClinicEvent.PaymentRecorded("e2", AT, CARDIOLOGY, new Money(3_000, "EUR")));
        WindowCounts booked = WindowCounts.of(new ClinicEvent.AppointmentBooked("e3", AT, "a1", CARDIOLOGY, SLOT));

        WindowCounts sum = booked.plus(issued).plus(paid);

        assertThat(sum.bookings()).isEqualTo(1);
        assertThat(sum.revenueInvoiced()).isEqualTo(new Money(12_000, "EUR"));
        assertThat(sum.revenueCollected()).isEqualTo(new Money(3_000, "EUR"));
    }

    @Test
    void should_refuse_to_add_another_currency() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Money(1, "EUR").plus(new Money(1, "USD")));
    }

    @Test
    void should_count_a_self_registered_patient_under_no_clinic() {
        assertThat(new ClinicEvent.PatientRegistered("e1", AT, "").dimensions()).isEmpty();
        assertThat(new ClinicEvent.PatientRegistered("e1", AT, "c1").dimensions())
                .containsExactly(new DimensionKey(Dimension.CLINIC, "c1"));
    }

    @Test
    void should_read_a_dimension_key_whose_value_contains_the_separator() {
        DimensionKey key = new DimensionKey(Dimension.DEPARTMENT, "Ear/Nose/Throat");

        assertThat(DimensionKey.parse(key.asText())).isEqualTo(key);
    }
}
