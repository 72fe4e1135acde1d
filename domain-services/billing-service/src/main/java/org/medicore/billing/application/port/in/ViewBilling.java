package org.medicore.billing.application.port.in;

import org.medicore.billing.domain.AccountStatement;
import org.medicore.billing.domain.Caller;
import org.medicore.billing.domain.FeeSchedule;
import org.medicore.billing.domain.Invoice;
import org.medicore.billing.domain.InvoiceStatus;
import org.medicore.support.port.Outcome;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Reading accounts, invoices and the fee schedule. */
public interface ViewBilling {

    Outcome<AccountStatement> accountOf(Caller caller, UUID patientId);

    Outcome<Invoice> invoice(Caller caller, UUID invoiceId);

    Outcome<InvoicePage> invoicesOf(Caller caller, InvoiceQuery query);

    Outcome<FeeSchedule> feeSchedule(Caller caller);

    /**
     * The newest {@code limit} invoices of each patient, one entry per patient in the order asked;
     * a patient whose billing the caller may not see gets an empty list.
     */
    Outcome<List<PatientInvoices>> newestOfPatients(Caller caller, List<UUID> patientIds, Set<InvoiceStatus> statuses,
                                                    int limit);

    /** Billing staff's worklist: every invoice with a balance due, the earliest due date first. */
    Outcome<InvoicePage> invoicesDue(Caller caller, DueQuery query);

    /** The newest invoice of each appointment that has one the caller may see, in the order asked. */
    Outcome<List<Invoice>> invoicesOfAppointments(Caller caller, List<UUID> appointmentIds);

    /** One patient's newest invoices; {@code hasMore} when there are older ones. */
    record PatientInvoices(UUID patientId, List<Invoice> invoices, boolean hasMore) {
        public PatientInvoices {
            invoices = List.copyOf(invoices);
        }
    }

    /** A page of a patient's invoices, newest first; offset counts invoices skipped. */
    record InvoiceQuery(UUID patientId, Set<InvoiceStatus> statuses, int offset, int limit) {
        public InvoiceQuery {
            Objects.requireNonNull(patientId, "patientId");
            statuses = Set.copyOf(statuses);
            if (offset < 0 || limit < 1) {
                throw new IllegalArgumentException("offset >= 0 and limit >= 1");
            }
        }
    }

    /** A page of the worklist; {@code overdueOnly} keeps invoices whose due date passed in the clinic's zone. */
    record DueQuery(boolean overdueOnly, int offset, int limit) {
        public DueQuery {
            if (offset < 0 || limit < 1) {
                throw new IllegalArgumentException("offset >= 0 and limit >= 1");
            }
        }
    }

    record InvoicePage(List<Invoice> invoices, int nextOffset, long totalSize) {
        public boolean isLast() {
            return nextOffset >= totalSize;
        }
    }
}
