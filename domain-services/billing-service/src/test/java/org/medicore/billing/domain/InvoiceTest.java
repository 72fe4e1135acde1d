package org.medicore.billing.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.billing.domain.BillingFixtures.NOW;
import static org.medicore.billing.domain.BillingFixtures.aPaymentOf;
import static org.medicore.billing.domain.BillingFixtures.anInvoice;
import static org.medicore.billing.domain.BillingFixtures.eur;

class InvoiceTest {

    @Test
    void a_new_invoice_is_issued_with_tax_on_the_subtotal_and_due_after_the_payment_term() {
        Invoice invoice = anInvoice().pricedAt(10_000).taxedAt(1900).build();

        assertThat(invoice.status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(invoice.subtotal()).isEqualTo(eur(10_000));
        assertThat(invoice.tax()).isEqualTo(eur(1_900));
        assertThat(invoice.total()).isEqualTo(eur(11_900));
        assertThat(invoice.balanceDue()).isEqualTo(eur(11_900));
        assertThat(invoice.dueDate()).isEqualTo(LocalDate.of(2026, 4, 1));
    }

    @Test
    void a_partial_payment_leaves_the_invoice_partially_paid() {
        Invoice invoice = anInvoice().pricedAt(10_000).build();

        PaymentOutcome outcome = invoice.recordPayment(aPaymentOf(eur(4_000)), NOW);

        assertThat(outcome).isInstanceOfSatisfying(PaymentOutcome.Accepted.class, accepted -> {
            assertThat(accepted.invoice().status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
            assertThat(accepted.invoice().balanceDue()).isEqualTo(eur(6_000));
            assertThat(accepted.invoice().version()).isEqualTo(invoice.version() + 1);
            assertThat(accepted.events()).singleElement().isInstanceOf(BillingEvent.PaymentRecorded.class);
        });
    }

    @Test
    void the_payment_that_settles_the_balance_marks_the_invoice_paid_and_says_so_after_the_payment() {
        Invoice partlyPaid = accepted(anInvoice().pricedAt(10_000).build().recordPayment(aPaymentOf(eur(4_000)), NOW))
                .invoice();

        PaymentOutcome.Accepted settled = accepted(partlyPaid.recordPayment(aPaymentOf(eur(6_000)), NOW));

        assertThat(settled.invoice().status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(settled.invoice().balanceDue()).isEqualTo(eur(0));
        assertThat(settled.events()).extracting(Object::getClass)
                .containsExactly(BillingEvent.PaymentRecorded.class, BillingEvent.InvoicePaid.class);
    }

    @Test
    void should_refuse_a_payment_above_the_balance_due() {
        Invoice invoice = anInvoice().pricedAt(10_000).build();

        assertThat(invoice.recordPayment(aPaymentOf(eur(10_001)), NOW))
                .isEqualTo(new PaymentOutcome.Refused(Refusal.AMOUNT_EXCEEDS_BALANCE));
    }

    @Test
    void should_refuse_a_payment_into_a_paid_invoice() {
        Invoice paid = accepted(anInvoice().pricedAt(10_000).build().recordPayment(aPaymentOf(eur(10_000)), NOW))
                .invoice();

        assertThat(paid.recordPayment(aPaymentOf(eur(1)), NOW)).isEqualTo(new PaymentOutcome.Refused(Refusal.INVOICE_PAID));
    }

    @Test
    void should_refuse_a_payment_that_is_not_positive_or_in_another_currency() {
        Invoice invoice = anInvoice().build();

        assertThat(invoice.recordPayment(aPaymentOf(eur(0)), NOW))
                .isEqualTo(new PaymentOutcome.Refused(Refusal.AMOUNT_NOT_POSITIVE));
        assertThat(invoice.recordPayment(aPaymentOf(Money.of(100, "CHF")), NOW))
                .isEqualTo(new PaymentOutcome.Refused(Refusal.CURRENCY_MISMATCH));
    }

    @Test
    void a_voided_invoice_owes_nothing_keeps_its_number_and_takes_no_payment() {
        Invoice invoice = anInvoice().build();

        VoidOutcome.Voided voided = (VoidOutcome.Voided) invoice.voidFor("entered twice", NOW);

        assertThat(voided.invoice().status()).isEqualTo(InvoiceStatus.VOID);
        assertThat(voided.invoice().number()).isEqualTo(invoice.number());
        assertThat(voided.invoice().balanceDue()).isEqualTo(eur(0));
        assertThat(voided.event().total()).isEqualTo(invoice.total());
        assertThat(voided.invoice().recordPayment(aPaymentOf(eur(1)), NOW))
                .isEqualTo(new PaymentOutcome.Refused(Refusal.INVOICE_VOID));
        assertThat(voided.invoice().voidFor("again", NOW)).isEqualTo(new VoidOutcome.Refused(Refusal.INVOICE_VOID));
    }

    @Test
    void should_refuse_to_void_an_invoice_with_payments() {
        Invoice partlyPaid = accepted(anInvoice().pricedAt(10_000).build().recordPayment(aPaymentOf(eur(1_000)), NOW))
                .invoice();

        assertThat(partlyPaid.voidFor("mistake", NOW)).isEqualTo(new VoidOutcome.Refused(Refusal.HAS_PAYMENTS));
    }

    @Test
    void an_invoice_without_line_items_cannot_exist() {
        Invoice invoice = anInvoice().build();

        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new Invoice(invoice.id(),
                invoice.number(), invoice.patientId(), invoice.appointment(), invoice.reason(), invoice.status(),
                List.of(), invoice.taxRate(), invoice.issuedAt(), invoice.dueDate(), List.of(), invoice.voiding(), 1));
    }

    private static PaymentOutcome.Accepted accepted(PaymentOutcome outcome) {
        assertThat(outcome).isInstanceOf(PaymentOutcome.Accepted.class);
        return (PaymentOutcome.Accepted) outcome;
    }
}
