package org.medicore.billing.application.service;

import org.medicore.billing.domain.InvoiceStatus;
import java.util.Set;
import java.util.Objects;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.medicore.billing.application.port.in.RecordPayment;
import org.medicore.billing.application.port.in.VoidInvoice;
import org.medicore.billing.application.port.in.ViewBilling;
import org.medicore.support.port.AppendToOutbox;
import org.medicore.billing.application.port.out.FormatEvent;
import org.medicore.billing.application.port.out.IdempotencyKeys;
import org.medicore.billing.application.port.out.LoadAccounts;
import org.medicore.billing.application.port.out.LoadFeeSchedule;
import org.medicore.billing.application.port.out.LoadInvoices;
import org.medicore.billing.application.port.out.SaveAccounts;
import org.medicore.billing.application.port.out.SaveInvoices;
import org.medicore.support.port.Outcome;
import org.medicore.support.port.Refusal;
import org.medicore.support.port.Transactions;
import org.medicore.billing.domain.AccountStatement;
import org.medicore.billing.domain.BillingAccess;
import org.medicore.billing.domain.BillingAccount;
import org.medicore.billing.domain.Caller;
import org.medicore.billing.domain.FeeSchedule;
import org.medicore.billing.domain.Invoice;
import org.medicore.billing.domain.InvoiceTerms;
import org.medicore.billing.domain.Payment;
import org.medicore.billing.domain.PaymentOutcome;
import org.medicore.billing.domain.PaymentReceived;
import org.medicore.billing.domain.VoidOutcome;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reading accounts and invoices, recording payments and voiding invoices. */
public final class InvoiceService implements ViewBilling, RecordPayment, VoidInvoice {

    public record Ports(Transactions transactions, LoadAccounts loadAccounts, SaveAccounts saveAccounts,
                        LoadFeeSchedule feeSchedule, LoadInvoices loadInvoices, SaveInvoices saveInvoices,
                        IdempotencyKeys idempotencyKeys, FormatEvent formatEvent, AppendToOutbox outbox) {
    }

    private static final String INVOICE = "invoice";

    private final Ports ports;
    private final EventJournal journal;
    private final InvoiceTerms terms;
    private final Clock clock;

    public InvoiceService(Ports ports, InvoiceTerms terms, Clock clock) {
        this.ports = ports;
        this.journal = new EventJournal(ports.formatEvent(), ports.outbox());
        this.terms = terms;
        this.clock = clock;
    }

    @Override
    public Outcome<AccountStatement> accountOf(Caller caller, UUID patientId) {
        if (!BillingAccess.maySeeBillingOf(caller, patientId)) {
            return Outcome.refused(BillingRefusals.NOT_ALLOWED);
        }
        return ports.transactions().inTransaction(() -> {
            Optional<BillingAccount> account = ports.loadAccounts().accountOf(patientId);
            Optional<FeeSchedule> schedule = ports.feeSchedule().current();
            if (account.isEmpty() || schedule.isEmpty()) {
                return Outcome.refused(new Refusal.NotFound("billing account", patientId.toString()));
            }
            return Outcome.done(AccountStatement.of(account.get(),
                    ports.loadInvoices().invoicesOf(patientId), schedule.get().currency()));
        });
    }

    @Override
    public Outcome<Invoice> invoice(Caller caller, UUID invoiceId) {
        Optional<Invoice> invoice = ports.loadInvoices().invoice(invoiceId);
        if (invoice.isEmpty()) {
            return Outcome.refused(new Refusal.NotFound(INVOICE, invoiceId.toString()));
        }
        if (!BillingAccess.maySeeBillingOf(caller, invoice.get().patientId())) {
            return Outcome.refused(BillingRefusals.NOT_ALLOWED);
        }
        return Outcome.done(invoice.get());
    }

    @Override
    public Outcome<InvoicePage> invoicesOf(Caller caller, InvoiceQuery query) {
        if (!BillingAccess.maySeeBillingOf(caller, query.patientId())) {
            return Outcome.refused(BillingRefusals.NOT_ALLOWED);
        }
        return ports.transactions().inTransaction(() -> {
            if (ports.loadAccounts().accountOf(query.patientId()).isEmpty()) {
                return Outcome.refused(new Refusal.NotFound("billing account", query.patientId().toString()));
            }
            List<Invoice> invoices = ports.loadInvoices().invoicesOf(query.patientId(), query.statuses(),
                    query.offset(), query.limit());
            long total = ports.loadInvoices().countInvoicesOf(query.patientId(), query.statuses());
            return Outcome.done(new InvoicePage(invoices, query.offset() + invoices.size(), total));
        });
    }

    @Override
    public Outcome<InvoicePage> invoicesDue(Caller caller, DueQuery query) {
        if (!BillingAccess.maySeeEveryAccount(caller)) {
            return Outcome.refused(BillingRefusals.NOT_ALLOWED);
        }
        Optional<LocalDate> dueBefore = query.overdueOnly() ? Optional.of(terms.day(clock.instant())) : Optional.empty();
        return ports.transactions().inTransaction(() -> {
            List<Invoice> invoices = ports.loadInvoices().invoicesDue(dueBefore, query.offset(), query.limit());
            long total = ports.loadInvoices().countInvoicesDue(dueBefore);
            return Outcome.done(new InvoicePage(invoices, query.offset() + invoices.size(), total));
        });
    }

    @Override
    public Outcome<List<PatientInvoices>> newestOfPatients(Caller caller, List<UUID> patientIds,
                                                           Set<InvoiceStatus> statuses, int limit) {
        List<UUID> asked = patientIds.stream().distinct().toList();
        List<UUID> visible = asked.stream().filter(patient -> BillingAccess.maySeeBillingOf(caller, patient)).toList();
        Map<UUID, List<Invoice>> found = visible.isEmpty() ? Map.of()
                : ports.loadInvoices().newestOfPatients(visible, statuses, limit + 1);
        return Outcome.done(asked.stream().map(patient -> {
            List<Invoice> newest = found.getOrDefault(patient, List.of());
            return new PatientInvoices(patient, newest.subList(0, Math.min(limit, newest.size())), newest.size() > limit);
        }).toList());
    }

    @Override
    public Outcome<List<Invoice>> invoicesOfAppointments(Caller caller, List<UUID> appointmentIds) {
        Map<UUID, Invoice> newest = new LinkedHashMap<>();
        ports.loadInvoices().invoicesOfAppointments(new LinkedHashSet<>(appointmentIds)).stream()
                .filter(invoice -> BillingAccess.maySeeBillingOf(caller, invoice.patientId()))
                .forEach(invoice -> newest.putIfAbsent(invoice.appointment().appointmentId(), invoice));
        return Outcome.done(appointmentIds.stream().distinct().map(newest::get).filter(Objects::nonNull).toList());
    }

    @Override
    public Outcome<FeeSchedule> feeSchedule(Caller caller) {
        return ports.feeSchedule().current()
                .<Outcome<FeeSchedule>>map(Outcome::done)
                .orElseGet(() -> Outcome.refused(new Refusal.NotFound("fee schedule", "current")));
    }

    @Override
    public Outcome<Receipt> record(Caller caller, PaymentCommand command) {
        if (!BillingAccess.mayChangeBilling(caller)) {
            return Outcome.refused(BillingRefusals.NOT_ALLOWED);
        }
        return ports.transactions().inTransaction(() -> {
            Optional<IdempotencyKeys.Remembered> earlier = ports.idempotencyKeys().paymentFor(command.idempotencyKey());
            if (earlier.isPresent()) {
                return repeat(earlier.get(), command);
            }
            Optional<Invoice> invoice = ports.loadInvoices().invoiceForChange(command.invoiceId());
            if (invoice.isEmpty()) {
                return Outcome.refused(new Refusal.NotFound(INVOICE, command.invoiceId().toString()));
            }
            // A concurrent retry with the same key waited for the invoice's lock: it finds the
            // payment its twin just committed and answers with it.
            Optional<IdempotencyKeys.Remembered> committedMeanwhile = ports.idempotencyKeys().paymentFor(command.idempotencyKey());
            if (committedMeanwhile.isPresent()) {
                return repeat(committedMeanwhile.get(), command);
            }
            Instant now = clock.instant();
            PaymentReceived received = new PaymentReceived(UUID.randomUUID(), command.amount(), command.method(),
                    command.reference(), command.receivedAt().orElse(now), caller.asActor());
            return switch (invoice.get().recordPayment(received, now)) {
                case PaymentOutcome.Refused refused -> Outcome.refused(BillingRefusals.of(refused.refusal()));
                case PaymentOutcome.Accepted accepted -> {
                    ports.saveInvoices().update(accepted.invoice());
                    ports.saveInvoices().addPayment(accepted.payment(),
                            new IdempotencyKeys.Key(command.idempotencyKey(), command.fingerprint()));
                    ports.saveAccounts().touch(accepted.invoice().patientId(), now);
                    journal.write(accepted.events());
                    yield Outcome.done(new Receipt(accepted.payment(), accepted.invoice()));
                }
            };
        });
    }

    private Outcome<Receipt> repeat(IdempotencyKeys.Remembered earlier, PaymentCommand command) {
        if (!earlier.requestFingerprint().equals(command.fingerprint())) {
            return Outcome.refused(Refusal.Invalid.of("idempotency_key", "was used for a different payment request"));
        }
        Invoice invoice = ports.loadInvoices().invoice(earlier.invoiceId()).orElseThrow();
        Payment payment = invoice.payments().stream()
                .filter(candidate -> candidate.id().equals(earlier.paymentId())).findFirst().orElseThrow();
        return Outcome.done(new Receipt(payment, invoice));
    }

    @Override
    public Outcome<Invoice> voidInvoice(Caller caller, VoidCommand command) {
        if (!BillingAccess.mayChangeBilling(caller)) {
            return Outcome.refused(BillingRefusals.NOT_ALLOWED);
        }
        return ports.transactions().inTransaction(() -> {
            Optional<Invoice> invoice = ports.loadInvoices().invoiceForChange(command.invoiceId());
            if (invoice.isEmpty()) {
                return Outcome.refused(new Refusal.NotFound(INVOICE, command.invoiceId().toString()));
            }
            if (command.expectedVersion() != 0 && command.expectedVersion() != invoice.get().version()) {
                return Outcome.refused(new Refusal.Stale(invoice.get().version()));
            }
            Instant now = clock.instant();
            return switch (invoice.get().voidFor(command.reason(), now)) {
                case VoidOutcome.Refused refused -> Outcome.refused(BillingRefusals.of(refused.refusal()));
                case VoidOutcome.Voided voided -> {
                    ports.saveInvoices().update(voided.invoice());
                    ports.saveAccounts().touch(voided.invoice().patientId(), now);
                    journal.write(List.of(voided.event()));
                    yield Outcome.done(voided.invoice());
                }
            };
        });
    }
}
