package org.medicore.billing.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.billing.domain.BillingFixtures.NOW;
import static org.medicore.billing.domain.BillingFixtures.TERMS;
import static org.medicore.billing.domain.BillingFixtures.aCharge;
import static org.medicore.billing.domain.BillingFixtures.aFeeSchedule;
import static org.medicore.billing.domain.BillingFixtures.eur;

class PricingTest {

    private final FeeSchedule schedule = aFeeSchedule().charging(AppointmentType.FOLLOW_UP, 5000, 1500, 0).build();

    @Test
    void a_completed_appointment_is_charged_the_fee_of_its_type() {
        LineItem line = schedule.lineItemFor(aCharge().of(AppointmentType.FOLLOW_UP).build(), TERMS).orElseThrow();

        assertThat(line.unitPrice()).isEqualTo(eur(5000));
        assertThat(line.description()).isEqualTo("Follow-up, 2026-03-01");
    }

    @Test
    void a_late_cancellation_is_charged_the_late_cancellation_fee() {
        Charge late = aCharge().of(AppointmentType.FOLLOW_UP).forA(ChargeReason.LATE_CANCELLATION).build();

        assertThat(schedule.lineItemFor(late, TERMS)).get().extracting(LineItem::unitPrice).isEqualTo(eur(1500));
    }

    @Test
    void a_zero_fee_charges_nothing() {
        Charge noShow = aCharge().of(AppointmentType.FOLLOW_UP).forA(ChargeReason.NO_SHOW).build();

        assertThat(schedule.lineItemFor(noShow, TERMS)).isEmpty();
    }

    @Test
    void the_line_is_dated_on_the_clinic_calendar() {
        Charge lateEvening = aCharge().startingAt(Instant.parse("2026-03-01T23:30:00Z")).build();

        assertThat(schedule.lineItemFor(lateEvening, TERMS)).get().extracting(LineItem::description)
                .isEqualTo("Consultation, 2026-03-02");
    }

    @Test
    void tax_is_rounded_half_up_to_the_cent() {
        assertThat(new TaxRate(1900).taxOn(eur(50))).isEqualTo(eur(10));
        assertThat(new TaxRate(700).taxOn(eur(150))).isEqualTo(eur(11));
        assertThat(new TaxRate(700).taxOn(eur(149))).isEqualTo(eur(10));
        assertThat(new TaxRate(0).taxOn(eur(8000))).isEqualTo(eur(0));
    }

    @Test
    void invoice_numbers_are_the_year_and_a_six_digit_sequence() {
        assertThat(new InvoiceNumber(2026, 123)).hasToString("2026-000123");
        assertThat(InvoiceNumber.parse("2026-000123")).isEqualTo(new InvoiceNumber(2026, 123));
    }

    @Test
    void the_schedule_is_replaced_as_a_whole_with_the_next_version() {
        FeeSchedule current = aFeeSchedule().atVersion(3).build();

        ScheduleChange change = current.replace(feesOf(eur(9000)), 1900, 3, BillingFixtures.CASHIER, NOW);

        assertThat(change).isInstanceOfSatisfying(ScheduleChange.Replaced.class, replaced -> {
            assertThat(replaced.schedule().version()).isEqualTo(4);
            assertThat(replaced.schedule().taxRate()).isEqualTo(new TaxRate(1900));
            assertThat(replaced.schedule().updatedBy()).isEqualTo(BillingFixtures.CASHIER);
        });
    }

    @Test
    void should_refuse_a_schedule_change_based_on_a_stale_version() {
        assertThat(aFeeSchedule().atVersion(3).build().replace(feesOf(eur(9000)), 0, 2, BillingFixtures.CASHIER, NOW))
                .isEqualTo(new ScheduleChange.Stale(3));
    }

    @Test
    void should_refuse_a_schedule_with_a_missing_type_negative_amount_foreign_currency_or_bad_tax_rate() {
        List<AppointmentFee> fees = List.of(
                new AppointmentFee(AppointmentType.CONSULTATION, eur(-1), eur(0), eur(0)),
                new AppointmentFee(AppointmentType.FOLLOW_UP, Money.of(100, "CHF"), eur(0), eur(0)));

        ScheduleChange change = aFeeSchedule().build().replace(fees, 10_001, 1, BillingFixtures.CASHIER, NOW);

        assertThat(change).isInstanceOfSatisfying(ScheduleChange.Invalid.class, invalid ->
                assertThat(invalid.violations()).extracting(FieldViolation::field).containsExactlyInAnyOrder(
                        "fees[0].fee.amount_minor", "fees[1].fee.currency", "fees", "tax_rate_basis_points"));
    }

    private static List<AppointmentFee> feesOf(Money fee) {
        return java.util.Arrays.stream(AppointmentType.values())
                .map(type -> new AppointmentFee(type, fee, eur(0), eur(0))).toList();
    }
}
