package org.medicore.billing.application.port.out;

import org.medicore.billing.domain.Invoice;
import org.medicore.billing.domain.Payment;

public interface SaveInvoices {

    void insert(Invoice invoice);

    /** Writes the invoice's status, voiding and version; payments go through addPayment. */
    void update(Invoice invoice);

    void addPayment(Payment payment, IdempotencyKeys.Key key);
}
