package org.medicore.billing.domain;

import java.util.Currency;
import java.util.List;

/** An account with its figures, summed over the patient's invoices. */
public record AccountStatement(BillingAccount account, Money balanceDue, Money totalInvoiced, Money totalPaid,
                               int openInvoiceCount) {

    public static AccountStatement of(BillingAccount account, List<Invoice> invoices, Currency currency) {
        Money zero = Money.zero(currency);
        List<Invoice> valid = invoices.stream().filter(invoice -> invoice.status() != InvoiceStatus.VOID).toList();
        return new AccountStatement(account,
                valid.stream().map(Invoice::balanceDue).reduce(zero, Money::plus),
                valid.stream().map(Invoice::total).reduce(zero, Money::plus),
                invoices.stream().map(Invoice::amountPaid).reduce(zero, Money::plus),
                (int) invoices.stream().filter(invoice -> invoice.status().isOpen()).count());
    }
}
