package org.medicore.billing.application.port.out;

import java.util.Map;
import java.util.Collection;
import org.medicore.billing.domain.ChargeReason;
import org.medicore.billing.domain.Invoice;
import org.medicore.billing.domain.InvoiceStatus;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

public interface LoadInvoices {

    Optional<Invoice> invoice(UUID invoiceId);

    /** The invoice, locked until the transaction ends, for a change. */
    Optional<Invoice> invoiceForChange(UUID invoiceId);

    List<Invoice> invoicesOf(UUID patientId);

    /** Newest issued first; statuses empty means all. */
    List<Invoice> invoicesOf(UUID patientId, Set<InvoiceStatus> statuses, int offset, int limit);

    long countInvoicesOf(UUID patientId, Set<InvoiceStatus> statuses);

    /**
     * Invoices with a balance due (issued or partly paid) across patients, the earliest due date
     * first, then the earliest issued; only those due before {@code dueBefore} when given.
     */
    List<Invoice> invoicesDue(Optional<LocalDate> dueBefore, int offset, int limit);

    long countInvoicesDue(Optional<LocalDate> dueBefore);

    /** Up to {@code limit} invoices of each patient, newest issued first, in one query. */
    Map<UUID, List<Invoice>> newestOfPatients(Collection<UUID> patientIds, Set<InvoiceStatus> statuses, int limit);

    /** Every invoice of the appointments, newest issued first. */
    List<Invoice> invoicesOfAppointments(Collection<UUID> appointmentIds);

    boolean isCharged(UUID appointmentId, ChargeReason reason);
}
