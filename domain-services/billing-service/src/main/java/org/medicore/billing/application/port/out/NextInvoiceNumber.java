package org.medicore.billing.application.port.out;

import org.medicore.billing.domain.InvoiceNumber;

/** Gap-free invoice numbers: the number is taken back if the calling transaction rolls back. */
public interface NextInvoiceNumber {

    InvoiceNumber next(int year);
}
