package org.medicore.billing.application.port.in;

import org.medicore.billing.domain.Caller;
import org.medicore.billing.domain.Invoice;
import org.medicore.support.port.Outcome;

import java.util.Objects;
import java.util.UUID;

/** Voiding an invoice (BILLING, ADMIN); its number stays used. */
public interface VoidInvoice {

    Outcome<Invoice> voidInvoice(Caller caller, VoidCommand command);

    /** expectedVersion 0 skips the version check. */
    record VoidCommand(UUID invoiceId, long expectedVersion, String reason) {
        public VoidCommand {
            Objects.requireNonNull(invoiceId, "invoiceId");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
