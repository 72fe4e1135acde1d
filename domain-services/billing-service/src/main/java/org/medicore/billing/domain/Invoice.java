package org.medicore.billing.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An invoice to a patient for one chargeable appointment. Immutable: every change returns the
 * next state with the events it raises, or a refusal.
 */
public record Invoice(UUID id, InvoiceNumber number, UUID patientId, AppointmentRef appointment, ChargeReason reason,
                      InvoiceStatus status, List<LineItem> lineItems, TaxRate taxRate, Instant issuedAt,
                      LocalDate dueDate, List<Payment> payments, Optional<Voiding> voiding, long version) {

    /** When and why an invoice was voided. */
    public record Voiding(Instant voidedAt, String reason) {
    }

    public Invoice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(appointment, "appointment");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(taxRate, "taxRate");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(voiding, "voiding");
        lineItems = List.copyOf(lineItems);
        payments = List.copyOf(payments);
        if (lineItems.isEmpty()) {
            throw new IllegalArgumentException("an invoice has at least one line item");
        }
    }

    /** The new invoice and its InvoiceIssued event. */
    public record Issued(Invoice invoice, BillingEvent.InvoiceIssued event) {
    }

    public static Issued issue(UUID id, InvoiceNumber number, Charge charge, List<LineItem> lineItems, TaxRate taxRate,
                               InvoiceTerms terms, Instant now) {
        Invoice invoice = new Invoice(id, number, charge.patientId(), charge.appointment(), charge.reason(),
                InvoiceStatus.ISSUED, lineItems, taxRate, now, terms.dueDate(now), List.of(), Optional.empty(), 1);
        return new Issued(invoice, new BillingEvent.InvoiceIssued(UUID.randomUUID(), now, id, number,
                invoice.patientId, invoice.appointment, invoice.reason, invoice.total(), invoice.dueDate));
    }

    public java.util.Currency currency() {
        return lineItems.getFirst().unitPrice().currency();
    }

    public Money subtotal() {
        return lineItems.stream().map(LineItem::total).reduce(Money.zero(currency()), Money::plus);
    }

    public Money tax() {
        return taxRate.taxOn(subtotal());
    }

    public Money total() {
        return subtotal().plus(tax());
    }

    public Money amountPaid() {
        return payments.stream().map(Payment::amount).reduce(Money.zero(currency()), Money::plus);
    }

    public Money balanceDue() {
        return status == InvoiceStatus.VOID ? Money.zero(currency()) : total().minus(amountPaid());
    }

    public PaymentOutcome recordPayment(PaymentReceived received, Instant now) {
        Optional<Refusal> refusal = refusalOf(received.amount());
        if (refusal.isPresent()) {
            return new PaymentOutcome.Refused(refusal.get());
        }
        Payment payment = new Payment(received.paymentId(), id, received.amount(), received.method(),
                received.reference(), received.receivedAt(), received.recordedBy(), now);
        List<Payment> allPayments = new ArrayList<>(payments);
        allPayments.add(payment);
        Invoice paid = withPayments(allPayments);
        List<BillingEvent> events = new ArrayList<>();
        events.add(new BillingEvent.PaymentRecorded(UUID.randomUUID(), now, id, payment, patientId,
                paid.balanceDue(), appointment));
        if (paid.status == InvoiceStatus.PAID) {
            events.add(new BillingEvent.InvoicePaid(UUID.randomUUID(), now, id, number, patientId,
                    paid.amountPaid(), payment.id(), appointment));
        }
        return new PaymentOutcome.Accepted(paid, payment, events);
    }

    public VoidOutcome voidFor(String voidReason, Instant now) {
        if (status == InvoiceStatus.VOID) {
            return new VoidOutcome.Refused(Refusal.INVOICE_VOID);
        }
        if (!payments.isEmpty()) {
            return new VoidOutcome.Refused(Refusal.HAS_PAYMENTS);
        }
        Invoice voided = new Invoice(id, number, patientId, appointment, reason, InvoiceStatus.VOID, lineItems,
                taxRate, issuedAt, dueDate, payments, Optional.of(new Voiding(now, voidReason)), version + 1);
        return new VoidOutcome.Voided(voided, new BillingEvent.InvoiceVoided(UUID.randomUUID(), now, id, number,
                patientId, total(), voidReason, issuedAt, appointment));
    }

    private Optional<Refusal> refusalOf(Money amount) {
        if (status == InvoiceStatus.VOID) {
            return Optional.of(Refusal.INVOICE_VOID);
        }
        if (status == InvoiceStatus.PAID) {
            return Optional.of(Refusal.INVOICE_PAID);
        }
        if (!amount.hasCurrency(currency())) {
            return Optional.of(Refusal.CURRENCY_MISMATCH);
        }
        if (!amount.isPositive()) {
            return Optional.of(Refusal.AMOUNT_NOT_POSITIVE);
        }
        if (amount.isGreaterThan(balanceDue())) {
            return Optional.of(Refusal.AMOUNT_EXCEEDS_BALANCE);
        }
        return Optional.empty();
    }

    private Invoice withPayments(List<Payment> allPayments) {
        Money paid = allPayments.stream().map(Payment::amount).reduce(Money.zero(currency()), Money::plus);
        InvoiceStatus next = paid.compareTo(total()) >= 0 ? InvoiceStatus.PAID : InvoiceStatus.PARTIALLY_PAID;
        return new Invoice(id, number, patientId, appointment, reason, next, lineItems, taxRate, issuedAt, dueDate,
                allPayments, voiding, version + 1);
    }
}
